/**
 * JSON for Cairn. Entry type: {@link dev.cairn.json.JsonEventCodec}, an event codec whose type
 * names are explicit strings registered once; {@link dev.cairn.json.CairnJson} is the shared
 * Jackson configuration that other modules (HTTP) reuse.
 */
package dev.cairn.json;
