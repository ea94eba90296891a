package io.strata.api;

import io.strata.error.StrataException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TlsIdentity is the certificate chain and private key {@code strata serve} presents over TLS, read from PEM files
 * ({@code --tls-cert}: the server's certificate first, then its issuers; {@code --tls-key}: an unencrypted PKCS#8
 * {@code BEGIN PRIVATE KEY}, or a PKCS#1 {@code BEGIN RSA PRIVATE KEY}) into an in-memory key store.
 */
public final class TlsIdentity {

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    private static final String ALIAS = "strata";
    /** rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters, the AlgorithmIdentifier a PKCS#8 RSA key carries. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
            0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private final KeyStore keyStore;
    private final char[] password;
    private final String subject;

    private TlsIdentity(KeyStore keyStore, char[] password, String subject) {
        this.keyStore = keyStore;
        this.password = password;
        this.subject = subject;
    }

    /**
     * Reads {@code certificateFile} and {@code keyFile}; refuses as bad input (naming the option and the file) a file
     * that is missing, holds no certificate or key, an encrypted or unsupported key, or a key that does not belong to
     * the certificate.
     */
    public static TlsIdentity fromPem(Path certificateFile, Path keyFile) {
        List<Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        if (!matches(key, chain.get(0))) {
            throw StrataException.badInput("--tls-key \"" + keyFile + "\" is not the private key of the certificate in --tls-cert \""
                    + certificateFile + "\"");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            // The store never leaves memory; its password only satisfies the KeyStore API.
            char[] password = randomPassword();
            store.setKeyEntry(ALIAS, key, password, chain.toArray(Certificate[]::new));
            String subject = chain.get(0) instanceof java.security.cert.X509Certificate x
                    ? x.getSubjectX500Principal().getName() : chain.get(0).getType();
            return new TlsIdentity(store, password, subject);
        } catch (GeneralSecurityException | IOException e) {
            throw StrataException.badInput("--tls-cert \"" + certificateFile + "\" and --tls-key \"" + keyFile
                    + "\" cannot be made into a key store: " + e.getMessage());
        }
    }

    /** The key store holding the key and its chain, for Jetty's SSL context. */
    public KeyStore keyStore() {
        return keyStore;
    }

    /** The in-memory key store's password (random, made for this process). */
    public String password() {
        return new String(password);
    }

    /** The certificate's subject, for the start-up line. */
    public String subject() {
        return subject;
    }

    private static List<Certificate> certificates(Path file) {
        String text = read(file, "--tls-cert");
        List<Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(text)) {
                if (block.type().equals("CERTIFICATE")) {
                    chain.add(factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException e) {
            throw StrataException.badInput("--tls-cert \"" + file + "\" holds a certificate that cannot be read: " + e.getMessage());
        }
        if (chain.isEmpty()) {
            throw StrataException.badInput("--tls-cert \"" + file + "\" holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file) {
        String text = read(file, "--tls-key");
        for (Block block : blocks(text)) {
            switch (block.type()) {
                case "PRIVATE KEY":
                    return pkcs8(block.der(), file);
                case "RSA PRIVATE KEY":
                    return pkcs8(rsaPkcs8(block.der()), file);
                case "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY":
                    throw StrataException.badInput("--tls-key \"" + file + "\" holds an " + (block.type().startsWith("EC")
                            ? "EC key in SEC1 form" : "encrypted key") + "; convert it to an unencrypted PKCS#8 key: "
                            + "openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem");
                default:
                    // Certificates or parameters beside the key are skipped.
            }
        }
        throw StrataException.badInput("--tls-key \"" + file + "\" holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    private static PrivateKey pkcs8(byte[] der, Path file) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "RSASSA-PSS", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException notThisOne) {
                // Try the next algorithm: PKCS#8 names its own, but KeyFactory needs to be asked by name.
            }
        }
        throw StrataException.badInput("--tls-key \"" + file + "\" holds a private key that is neither RSA nor EC");
    }

    /** Wraps a PKCS#1 RSAPrivateKey in the PKCS#8 PrivateKeyInfo the JDK reads. */
    private static byte[] rsaPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(der(0x04, pkcs1));
        return der(0x30, body.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** Whether {@code key} signs what the certificate's public key verifies. */
    private static boolean matches(PrivateKey key, Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            // RSASSA-PSS needs parameters to sign with; the TLS handshake itself will tell a mismatch.
            return true;
        }
        try {
            byte[] probe = "strata-tls-key-check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (java.nio.file.NoSuchFileException e) {
            throw StrataException.badInput(option + " \"" + file + "\" does not exist");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw StrataException.badInput(option + " \"" + file + "\" cannot be read as a PEM file: " + e.getMessage());
        }
    }

    private static List<Block> blocks(String text) {
        List<Block> out = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            try {
                out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw StrataException.badInput("a PEM " + m.group(1).toLowerCase(java.util.Locale.ROOT) + " is not valid Base64");
            }
        }
        return out;
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] out = new char[24];
        for (int i = 0; i < out.length; i++) {
            out[i] = (char) ('a' + random.nextInt(26));
        }
        return out;
    }

    /** One PEM block: its type ({@code CERTIFICATE}, {@code PRIVATE KEY}...) and its DER bytes. */
    private record Block(String type, byte[] der) {
    }
}
