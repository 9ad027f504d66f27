package dev.cairn.core.command;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Version-3 (MD5, name-based) UUIDs, bit for bit those of {@link UUID#nameUUIDFromBytes}: derived
 * ids are stored in the log, so the derivation must never change. It clones a prepared digest
 * instead of looking MD5 up among the security providers on every call, which the JDK method
 * does, and which was a few percent of the restaurant system's CPU.
 */
final class NameBasedIds {
    private static final MessageDigest MD5;

    static {
        try {
            MD5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new InternalError("MD5 is required of every Java platform", e);
        }
    }

    private NameBasedIds() {}

    static UUID of(byte[] name) {
        MessageDigest md5;
        try {
            md5 = (MessageDigest) MD5.clone();
        } catch (CloneNotSupportedException e) {
            return UUID.nameUUIDFromBytes(name);
        }
        byte[] hash = md5.digest(name);
        hash[6] &= 0x0f;
        hash[6] |= 0x30; // version 3
        hash[8] &= 0x3f;
        hash[8] |= (byte) 0x80; // IETF variant
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (hash[i] & 0xff);
            least = (least << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(most, least);
    }
}
