package dev.leadtrail.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The demo's HTTPS: a certificate authority of this machine's own, and a certificate it signs for
 * {@code localhost}, {@code 127.0.0.1} and {@code ::1}, kept in a folder and reused on the next
 * start, so that a client trusts the demo once by trusting {@code ca.pem}. The CA's key is not
 * kept: when the server certificate must be made again, so is the CA.
 */
public final class LocalCertificates {

  /** The files: the CA to trust, the server's chain and its key. */
  public record Issued(Path ca, Path certificate, Path key) {}

  private static final Duration VALID_FOR = Duration.ofDays(825);
  private static final Duration RENEW_BEFORE = Duration.ofDays(30);
  private static final String SIGNATURE = "SHA256withECDSA";

  private LocalCertificates() {}

  /** The certificates in {@code folder}, made now when they are missing or about to expire. */
  public static Issued ensure(Path folder) {
    var files =
        new Issued(
            folder.resolve("ca.pem"),
            folder.resolve("server.pem"),
            folder.resolve("server-key.pem"));
    if (usable(files)) {
      return files;
    }
    try {
      Files.createDirectories(folder);
      KeyPair caKeys = keyPair();
      X509Certificate ca = caCertificate(caKeys);
      KeyPair serverKeys = keyPair();
      X509Certificate server = serverCertificate(serverKeys, caKeys, ca);
      writePem(files.ca(), ca);
      writePem(files.certificate(), server, ca);
      writePem(files.key(), new JcaPKCS8Generator(serverKeys.getPrivate(), null).generate());
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("the demo's certificates could not be written", e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("the demo's certificates could not be made", e);
    }
  }

  private static boolean usable(Issued files) {
    if (!Files.isReadable(files.certificate())
        || !Files.isReadable(files.key())
        || !Files.isReadable(files.ca())) {
      return false;
    }
    try (var in = Files.newInputStream(files.certificate())) {
      var certificate =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      return certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE));
    } catch (IOException | GeneralSecurityException e) {
      return false;
    }
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return generator.generateKeyPair();
  }

  private static X509Certificate caCertificate(KeyPair keys)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    var name = new X500Name("CN=Leadtrail demo CA (this machine only)");
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            serial(),
            Date.from(now.minusSeconds(60)),
            Date.from(now.plus(VALID_FOR)),
            name,
            keys.getPublic());
    var extensions = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    builder.addExtension(
        Extension.subjectKeyIdentifier,
        false,
        extensions.createSubjectKeyIdentifier(keys.getPublic()));
    return sign(builder, keys);
  }

  private static X509Certificate serverCertificate(KeyPair keys, KeyPair caKeys, X509Certificate ca)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            ca,
            serial(),
            Date.from(now.minusSeconds(60)),
            Date.from(now.plus(VALID_FOR)),
            new X500Name("CN=localhost"),
            keys.getPublic());
    var extensions = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
    builder.addExtension(
        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.iPAddress, "::1")
            }));
    builder.addExtension(
        Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca));
    return sign(builder, caKeys);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws GeneralSecurityException, OperatorCreationException {
    var holder = builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer.getPrivate()));
    return new JcaX509CertificateConverter().getCertificate(holder);
  }

  private static BigInteger serial() {
    return new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
  }

  private static void writePem(Path file, Object... items) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (Writer writer = Files.newBufferedWriter(partial);
        JcaPEMWriter pem = new JcaPEMWriter(writer)) {
      for (Object item : items) {
        pem.writeObject(item);
      }
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
