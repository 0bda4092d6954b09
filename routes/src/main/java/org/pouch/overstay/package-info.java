/**
 * What the gateway remembers of the pilgrim lists and movements that pass through it, for two uses: the
 * guard's check that movements name listed pilgrims' passports, and the home ministry's question of who
 * has overstayed. {@link org.pouch.overstay.OverstayRecords} is the store (JDBC in the gateway),
 * {@link org.pouch.overstay.OverstayFacts} what the intake calls, {@link org.pouch.overstay.OverstayRule}
 * the answer for one pilgrim. Only the minimum is kept: see docs/overstay.md.
 */
package org.pouch.overstay;
