package org.pouch.audit.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pouch.audit.AuditEntryEncoding;
import org.pouch.audit.checkpoint.Checkpoint;
import org.pouch.audit.checkpoint.CheckpointVerifier;
import org.pouch.audit.checkpoint.CheckpointVerifier.InvalidCheckpointException;
import org.pouch.audit.export.AuditExport;
import org.pouch.audit.export.AuditExport.Line;
import org.pouch.audit.merkle.InvalidProofException;
import org.pouch.audit.merkle.MerkleFrontier;
import org.pouch.audit.merkle.MerkleProofs;

/**
 * Checks an export offline with nothing but the audit-checkpoint certificate: each checkpoint's
 * signature; each entry's index (no gap, no swap) and its hash against the one recorded when it was
 * appended; the Merkle tree rebuilt from the entries against every signed checkpoint (or, for an export
 * that starts later in the log, each entry's inclusion proof); and that the log extends a checkpoint the
 * auditor kept from before. No Spring, no network, no database.
 */
public final class ExportVerifier {

    private final CheckpointVerifier checkpoints;

    public ExportVerifier(X509Certificate auditCheckpointCertificate) {
        this.checkpoints = new CheckpointVerifier(auditCheckpointCertificate);
    }

    /**
     * @param export the export's lines
     * @param previous a signed checkpoint kept from an earlier export, if any
     */
    public Verification verify(BufferedReader export, Optional<byte[]> previous, VerificationProgress progress)
            throws IOException {
        Objects.requireNonNull(progress);
        try {
            return check(export, previous, progress);
        } finally {
            progress.finished();
        }
    }

    private Verification check(BufferedReader export, Optional<byte[]> previousSigned, VerificationProgress progress)
            throws IOException {
        String first = export.readLine();
        if (first == null) {
            return Verification.Failed.overall("the export is empty");
        }
        AuditExport.Header header;
        try {
            if (!(AuditExport.parse(first) instanceof Line.HeaderLine headerLine)) {
                return Verification.Failed.overall("the export does not start with its header line");
            }
            header = headerLine.header();
        } catch (IllegalArgumentException e) {
            return Verification.Failed.overall("the header line does not parse: " + e.getMessage());
        }
        if (header.from() < 0 || header.to() < header.from()) {
            return Verification.Failed.overall("the header's range is impossible");
        }
        progress.started(header.to() - header.from());

        List<Checkpoint> signed = new ArrayList<>();
        long expected = header.from();
        // A whole export is hashed in one pass: the tree's right edge, and its root at each size a
        // checkpoint signs or the auditor kept, so that a log of any length verifies in the same memory.
        MerkleFrontier frontier = new MerkleFrontier();
        Map<Long, byte[]> rootsAt = new HashMap<>();
        Set<Long> sizesToCheck = new HashSet<>();
        Optional<Kept> kept = previousSigned.map(this::kept);
        kept.flatMap(Kept::checkpoint).map(Checkpoint::size).ifPresent(sizesToCheck::add);
        Checkpoint covering = null;
        boolean whole = false;
        for (String text = export.readLine(); text != null; text = export.readLine()) {
            if (text.isEmpty()) {
                continue;
            }
            Line line;
            try {
                line = AuditExport.parse(text);
            } catch (IllegalArgumentException e) {
                return Verification.Failed.at(
                        expected, "the line after entry " + (expected - 1) + " does not parse: " + e.getMessage());
            }
            if (line instanceof Line.CheckpointLine checkpointLine) {
                if (covering != null) {
                    return Verification.Failed.overall("checkpoints must come before the entries");
                }
                Checkpoint checkpoint;
                try {
                    checkpoint = checkpoints.verify(checkpointLine.signed());
                } catch (InvalidCheckpointException e) {
                    return Verification.Failed.overall(
                            "the checkpoint of size " + checkpointLine.size() + ": " + e.getMessage());
                }
                if (!checkpoint.origin().equals(header.origin())) {
                    return Verification.Failed.overall(
                            "a checkpoint is of log " + checkpoint.origin() + ", not " + header.origin());
                }
                signed.add(checkpoint);
                continue;
            }
            if (line instanceof Line.HeaderLine) {
                return Verification.Failed.overall("the export has a second header line");
            }
            if (covering == null) {
                if (signed.isEmpty()) {
                    return Verification.Failed.overall("the export holds no signed checkpoint");
                }
                signed.sort(Comparator.comparingLong(Checkpoint::size));
                covering = signed.get(signed.size() - 1);
                if (covering.size() < header.to()) {
                    return Verification.Failed.overall("no signed checkpoint covers the export's last entry");
                }
                whole = header.from() == 0 && covering.size() == header.to();
                signed.forEach(checkpoint -> sizesToCheck.add(checkpoint.size()));
                rootsAt.put(0L, frontier.root());
            }
            AuditExport.EntryLine entry = ((Line.Entry) line).line();
            long index = entry.entry().index();
            if (index != expected) {
                return Verification.Failed.at(
                        expected,
                        index > expected
                                ? "entry " + expected + " is missing (the next entry is " + index + ")"
                                : "entry " + index + " is out of place: entry " + expected + " was expected");
            }
            if (index >= header.to()) {
                return Verification.Failed.at(index, "the export holds more entries than its header says");
            }
            byte[] leaf = AuditEntryEncoding.leafHash(entry.entry());
            if (!MessageDigest.isEqual(leaf, entry.recordedLeafHash())) {
                return Verification.Failed.at(
                        index,
                        "entry " + index + " was changed: its fields no longer hash to the hash recorded when it"
                                + " was appended");
            }
            if (whole) {
                frontier.append(leaf);
                if (sizesToCheck.contains(frontier.size())) {
                    rootsAt.put(frontier.size(), frontier.root());
                }
            } else {
                try {
                    MerkleProofs.verifyInclusion(
                            index, covering.size(), leaf, entry.inclusionProof(), covering.rootHash());
                } catch (InvalidProofException e) {
                    return Verification.Failed.at(
                            index,
                            "entry " + index + " is not in the log the checkpoint of size " + covering.size()
                                    + " signs: " + e.getMessage());
                }
            }
            expected++;
            progress.entryChecked();
        }
        if (covering == null) {
            if (header.to() > header.from() || signed.isEmpty()) {
                return Verification.Failed.at(expected, "the export ends before entry " + expected);
            }
            signed.sort(Comparator.comparingLong(Checkpoint::size));
            covering = signed.get(signed.size() - 1);
            whole = header.from() == 0 && covering.size() == 0;
            rootsAt.put(0L, frontier.root());
        }
        if (expected != header.to()) {
            return Verification.Failed.at(expected, "the export ends before entry " + expected);
        }
        Optional<Map<Long, byte[]>> roots = whole ? Optional.of(rootsAt) : Optional.empty();
        if (roots.isPresent()) {
            long lastGood = 0;
            for (Checkpoint checkpoint : signed) {
                if (checkpoint.size() > header.to()) {
                    continue;
                }
                if (!MessageDigest.isEqual(roots.get().get(checkpoint.size()), checkpoint.rootHash())) {
                    return Verification.Failed.at(
                            lastGood,
                            "the entries do not hash to the root signed for size " + checkpoint.size()
                                    + ": the first bad entry is between " + lastGood + " and "
                                    + (checkpoint.size() - 1));
                }
                lastGood = checkpoint.size();
            }
        }
        if (kept.isPresent()) {
            Optional<Verification.Failed> extension = checkExtends(kept.get(), header, covering, roots);
            if (extension.isPresent()) {
                return extension.get();
            }
        }
        return new Verification.Verified(header.to() - header.from(), covering);
    }

    /**
     * The checkpoint the auditor kept, its signature checked once, before the entries: its size is one at
     * which the root is taken on the way; why it fails to verify is reported with the extension check.
     */
    private record Kept(Optional<Checkpoint> checkpoint, String failure) {}

    private Kept kept(byte[] previousSigned) {
        try {
            return new Kept(Optional.of(checkpoints.verify(previousSigned)), "");
        } catch (InvalidCheckpointException e) {
            return new Kept(Optional.empty(), e.getMessage());
        }
    }

    /** Whether the log as exported extends the checkpoint the auditor kept. */
    private Optional<Verification.Failed> checkExtends(
            Kept kept, AuditExport.Header header, Checkpoint covering, Optional<Map<Long, byte[]>> roots) {
        if (kept.checkpoint().isEmpty()) {
            return Optional.of(Verification.Failed.overall("the previous checkpoint: " + kept.failure()));
        }
        Checkpoint previous = kept.checkpoint().get();
        if (!previous.origin().equals(header.origin())) {
            return Optional.of(Verification.Failed.overall(
                    "the previous checkpoint is of log " + previous.origin() + ", not " + header.origin()));
        }
        if (previous.size() > covering.size()) {
            return Optional.of(Verification.Failed.overall("the log shrank: the previous checkpoint has "
                    + previous.size() + " entries, the export's latest " + covering.size()));
        }
        if (roots.isEmpty()) {
            return Optional.of(Verification.Failed.overall(
                    "checking against a previous checkpoint needs an export from entry 0 to a checkpoint"));
        }
        if (!MessageDigest.isEqual(roots.get().get(previous.size()), previous.rootHash())) {
            return Optional.of(Verification.Failed.overall("the log does not extend the previous checkpoint (size "
                    + previous.size() + ", " + previous.time() + "): one of entries 0 to " + (previous.size() - 1)
                    + " was changed, removed or replaced since"));
        }
        return Optional.empty();
    }
}
