/**
 * Queries and consistency. Entry type: {@link dev.cairn.core.query.ReadSide}: questions asked of a
 * read-only view, optionally only once the view has processed a given log position.
 */
package dev.cairn.core.query;
