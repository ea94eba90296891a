package io.strata.api;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SelfSignedPem is a self-signed certificate for {@code localhost} and {@code 127.0.0.1} made by the JDK's
 * {@code keytool}, written as the PEM files {@code strata serve --tls-cert/--tls-key} read.
 */
record SelfSignedPem(Path certFile, Path keyFile, Certificate certificate, PrivateKey key) {

    /** A new certificate with a key of {@code keyAlgorithm} ({@code RSA} or {@code EC}) under {@code dir}. */
    static SelfSignedPem create(Path dir, String keyAlgorithm) throws Exception {
        Path store = dir.resolve(keyAlgorithm.toLowerCase() + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> command = new java.util.ArrayList<>(List.of(keytool, "-genkeypair", "-alias", "strata", "-keyalg", keyAlgorithm,
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit"));
        command.addAll(keyAlgorithm.equals("EC") ? List.of("-groupname", "secp256r1") : List.of("-keysize", "2048"));
        Process keytoolRun = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytoolRun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytoolRun.waitFor(60, TimeUnit.SECONDS) || keytoolRun.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        Certificate certificate = ks.getCertificate("strata");
        PrivateKey key = (PrivateKey) ks.getKey("strata", "changeit".toCharArray());
        Path cert = Files.writeString(dir.resolve(keyAlgorithm.toLowerCase() + "-cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
        Path keyFile = Files.writeString(dir.resolve(keyAlgorithm.toLowerCase() + "-key.pem"), pem("PRIVATE KEY", key.getEncoded()));
        return new SelfSignedPem(cert, keyFile, certificate, key);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** An SSL context that trusts this certificate alone. */
    javax.net.ssl.SSLContext trustingIt() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("strata", certificate);
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
