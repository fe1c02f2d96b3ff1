package dev.leadtrail.activity;

import java.util.List;

/** An activity with the changes made to it within a window, oldest first. */
public record ActivityHistory(Activity activity, List<ActivityChange> changes) {

  public ActivityHistory {
    changes = List.copyOf(changes);
  }
}
