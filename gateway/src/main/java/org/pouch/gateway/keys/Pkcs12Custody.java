package org.pouch.gateway.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;
import org.pouch.certificates.BouncyCastleProviders;
import org.pouch.certificates.KeySuite;
import org.pouch.keys.CertificationRequests;
import org.pouch.keys.KeyPurpose;

/**
 * Private keys in a PKCS#12 file, protected by the configured password. Every write goes to a new file
 * that replaces the old one in one move, so a reader never sees half a file; every read checks whether
 * the file changed (another node wrote it) and reloads it if so.
 */
final class Pkcs12Custody implements KeyCustody {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final char[] password;
    private final Clock clock;
    private KeyStore store;
    private FileTime loadedAt;

    Pkcs12Custody(Path file, char[] password, Clock clock) {
        this.file = file;
        this.password = password.clone();
        this.clock = clock;
    }

    @Override
    public synchronized GeneratedKey generate(String alias, KeySuite suite, KeyPurpose purpose, String subject) {
        KeyPair keys = suite.generateKeyPair(RANDOM);
        X509Certificate placeholder = CertificationRequests.placeholderCertificate(
                subject, keys.getPublic(), keys.getPrivate(), BouncyCastleProviders.publicKey(), clock.instant());
        keep(alias, keys.getPrivate(), placeholder);
        return new GeneratedKey(keys.getPublic(), keys.getPrivate());
    }

    @Override
    public synchronized void keep(String alias, PrivateKey key, X509Certificate certificate) {
        KeyStore current = current();
        try {
            current.setKeyEntry(alias, key, password, new Certificate[] {certificate});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot keep key " + alias + " in " + file, e);
        }
        write(current);
    }

    @Override
    public synchronized Optional<PrivateKey> privateKey(String alias) {
        try {
            return Optional.ofNullable((PrivateKey) current().getKey(alias, password));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read key " + alias + " from " + file, e);
        }
    }

    @Override
    public synchronized void erase(String alias) {
        KeyStore current = current();
        try {
            current.deleteEntry(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot erase key " + alias + " from " + file, e);
        }
        write(current);
    }

    @Override
    public boolean servesTls() {
        return true;
    }

    @Override
    public Provider provider() {
        return BouncyCastleProviders.publicKey();
    }

    private KeyStore current() {
        try {
            if (!Files.exists(file)) {
                if (store == null) {
                    store = KeyStore.getInstance("PKCS12");
                    store.load(null, password);
                }
                return store;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (store == null || !modified.equals(loadedAt)) {
                KeyStore loaded = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    loaded.load(in, password);
                }
                store = loaded;
                loadedAt = modified;
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(file + ": cannot open the key store (wrong password?)", e);
        }
    }

    private void write(KeyStore changed) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path next = Files.createTempFile(directory, file.getFileName().toString(), ".new");
            try (OutputStream out = Files.newOutputStream(next)) {
                changed.store(out, password);
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            store = changed;
            loadedAt = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the key store", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + ": cannot write the key store", e);
        }
    }
}
