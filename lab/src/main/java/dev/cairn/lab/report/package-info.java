/**
 * The lab's three reports of one {@link dev.cairn.lab.LabReport}: {@code lab.json} (the contract's
 * fields), {@code lab.md} (the table and what it shows, in words) and {@code lab.html} (one
 * self-contained page: charts drawn as inline SVG, no script, nothing fetched when viewed).
 * {@link dev.cairn.lab.report.Reports#write} writes all three.
 */
package dev.cairn.lab.report;
