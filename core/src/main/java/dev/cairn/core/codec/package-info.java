/** Event codecs: domain events to bytes and back. Entry type: {@link dev.cairn.core.codec.EventCodec}. */
package dev.cairn.core.codec;
