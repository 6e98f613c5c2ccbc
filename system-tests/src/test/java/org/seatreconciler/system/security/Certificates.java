package org.seatreconciler.system.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.seatreconciler.system.support.ChildProcess;

/**
 * A server key pair for 127.0.0.1 / localhost (PKCS12 key store) and a trust store holding its certificate,
 * made with the JDK's own keytool for each test run: nothing secret is committed.
 */
record Certificates(Path keyStore, Path trustStore, String password) {

    static Certificates generate(Path dir) {
        String password = "pw-" + Long.toHexString(System.nanoTime());
        Path keyStore = dir.resolve("server.p12");
        Path trustStore = dir.resolve("truststore.p12");
        Path cert = dir.resolve("server.pem");
        keytool(dir, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "7",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
        keytool(dir, "-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(), "-storepass", password,
                "-file", cert.toString());
        keytool(dir, "-importcert", "-noprompt", "-alias", "server", "-file", cert.toString(), "-keystore",
                trustStore.toString(), "-storetype", "PKCS12", "-storepass", password);
        return new Certificates(keyStore, trustStore, password);
    }

    SSLContext sslContext() {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        ChildProcess keytool = ChildProcess.start("keytool", command, Map.of(), dir, dir.resolve("keytool.log"));
        if (!keytool.waitFor(Duration.ofSeconds(60)) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + keytool.tail(20));
        }
    }
}
