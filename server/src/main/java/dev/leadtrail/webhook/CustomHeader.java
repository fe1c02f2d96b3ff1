package dev.leadtrail.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A header sent with every delivery of a webhook, as its {@code CustomHeaders} name it. */
record CustomHeader(@JsonProperty("Key") String key, @JsonProperty("Value") String value) {}
