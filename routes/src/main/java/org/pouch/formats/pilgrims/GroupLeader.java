package org.pouch.formats.pilgrims;

/**
 * The person the host authority calls about the group.
 *
 * @param name in Latin script, as in the passport
 * @param nameNative in the leader's own script (Arabic, Urdu), or null
 * @param phone in international form, or null
 */
public record GroupLeader(String name, String nameNative, String phone) {}
