package org.pouch.gateway.keys;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the key rings are run ({@code pouch.key-rings.*}).
 *
 * @param grace how long a replaced primary stays secondary (still opens and verifies) before it may be
 *     retired
 * @param secondOfficer whether promoting a new primary needs a second, different officer's approval
 * @param refreshInterval how often each node checks the database for ring changes made elsewhere
 * @param expiryWarning how long before a certificate expires the health endpoint warns
 * @param store where the private keys are
 */
@Validated
@ConfigurationProperties("pouch.key-rings")
public record KeyRingProperties(
        @DefaultValue("7d") Duration grace,
        @DefaultValue("false") boolean secondOfficer,
        @DefaultValue("5s") Duration refreshInterval,
        @DefaultValue("30d") Duration expiryWarning,
        @NotNull @Valid Store store) {

    /** The private key store. */
    public enum StoreType {
        /** A PKCS#12 file, the default. Nodes that share a database must share the file too. */
        PKCS12,
        /** A hardware security module (or SoftHSM2) through the JDK's SunPKCS11 provider. */
        PKCS11
    }

    /**
     * @param path the PKCS#12 file (created on first start)
     * @param password the PKCS#12 file's password, or the token's user PIN
     * @param library the PKCS#11 module, for example {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slot the token's slot id, as {@code softhsm2-util --show-slots} prints it; when unset,
     *     {@code slotIndex} picks one
     * @param slotIndex which of the module's slots holds the token
     */
    public record Store(
            @DefaultValue("PKCS12") StoreType type,
            Path path,
            @NotNull String password,
            Path library,
            Integer slot,
            @DefaultValue("0") int slotIndex) {

        @Override
        public String toString() {
            return "Store[" + type + ", " + (type == StoreType.PKCS12 ? path : library) + "]";
        }
    }
}
