package dev.leadtrail.tls;

import dev.leadtrail.config.ConfigException;
import dev.leadtrail.config.LeadtrailConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;

/**
 * The server's certificate and key, as the keystore Jetty serves TLS with: read from PEM files (a
 * chain, leaf first; a PKCS#8, PKCS#1 or SEC1 key) or from a PKCS12 keystore. A file that cannot be
 * read as one is a configuration error that names the setting, never a stack trace.
 */
public final class TlsKeys {

  /** A keystore and the password that opens it (and its key). */
  public record Material(KeyStore keyStore, String password) {}

  private TlsKeys() {}

  public static Material load(LeadtrailConfig.Tls tls) {
    if (tls.keystore() != null) {
      return fromKeystore(tls.keystore(), tls.keystorePassword());
    }
    return fromPem(tls.certificate(), tls.key());
  }

  private static Material fromKeystore(Path file, String password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      return new Material(store, password);
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(
          List.of(
              "server.tls.keystore cannot be opened as a PKCS12 keystore with"
                  + " server.tls.keystore-password: "
                  + e.getMessage()));
    }
  }

  private static Material fromPem(Path certificateFile, Path keyFile) {
    List<Certificate> chain = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(certificateFile);
        PEMParser pem = new PEMParser(reader)) {
      var converter = new JcaX509CertificateConverter();
      for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
        if (item instanceof X509CertificateHolder holder) {
          chain.add(converter.getCertificate(holder));
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      throw problem("server.tls.certificate", "cannot be read as PEM certificates");
    }
    if (chain.isEmpty()) {
      throw problem("server.tls.certificate", "holds no PEM certificate");
    }
    PrivateKey key = privateKey(keyFile);
    try {
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      String password = HexFormat.of().formatHex(random);
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "leadtrail", key, password.toCharArray(), chain.toArray(Certificate[]::new));
      return new Material(store, password);
    } catch (IOException | GeneralSecurityException e) {
      throw problem("server.tls.key", "does not go with server.tls.certificate");
    }
  }

  /**
   * The first private key in the file, PKCS#8 ({@code PRIVATE KEY}) or the older RSA and EC forms,
   * made a key of the JDK's own provider, which Jetty's TLS signs with.
   */
  private static PrivateKey privateKey(Path file) {
    try (Reader reader = Files.newBufferedReader(file);
        PEMParser pem = new PEMParser(reader)) {
      for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
        PrivateKeyInfo info =
            item instanceof PEMKeyPair pair
                ? pair.getPrivateKeyInfo()
                : item instanceof PrivateKeyInfo plain ? plain : null;
        if (info != null) {
          String algorithm =
              switch (info.getPrivateKeyAlgorithm().getAlgorithm().getId()) {
                case "1.2.840.10045.2.1" -> "EC";
                case "1.2.840.113549.1.1.1" -> "RSA";
                case "1.3.101.112" -> "Ed25519";
                default -> throw problem("server.tls.key", "holds a key of an unknown algorithm");
              };
          return KeyFactory.getInstance(algorithm)
              .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      throw problem("server.tls.key", "cannot be read as a PEM private key");
    }
    throw problem("server.tls.key", "holds no unencrypted PEM private key");
  }

  private static ConfigException problem(String setting, String what) {
    return new ConfigException(List.of(setting + " " + what));
  }
}
