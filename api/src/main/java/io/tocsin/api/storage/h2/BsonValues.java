package io.tocsin.api.storage.h2;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

/**
 * One value as its BSON type byte and BSON body, using the store's own wire codec so that what is
 * stored is exactly what the wire protocol can carry. Type byte 0 (BSON's terminator, never a value
 * type) stands for the store's {@link Missing} marker. Entries are length-prefixed in the page so
 * readers can skip them without decoding.
 */
final class BsonValues {

  private static final byte MISSING = 0;

  private BsonValues() {}

  static void writeValue(Object value, ByteBuf out) {
    if (value instanceof Missing) {
      out.writeByte(MISSING);
      return;
    }
    byte type = BsonEncoder.determineType(value);
    out.writeByte(type);
    BsonEncoder.encodeValue(type, value, out);
  }

  static Object readValue(ByteBuf in) {
    byte type = in.readByte();
    return type == MISSING ? Missing.getInstance() : BsonDecoder.decodeValue(type, in);
  }

  /** Copies {@code encoded} into the page buffer behind its length. */
  static void put(WriteBuffer page, ByteBuf encoded) {
    int length = encoded.readableBytes();
    page.putVarInt(length);
    if (encoded.hasArray()) {
      page.put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), length);
    } else {
      byte[] bytes = new byte[length];
      encoded.readBytes(bytes);
      page.put(bytes);
    }
  }

  /** The next length-prefixed entry of the page, as a buffer over the page's bytes. */
  static ByteBuf next(ByteBuffer page) {
    int length = DataUtils.readVarInt(page);
    ByteBuffer entry = page.slice();
    entry.limit(length);
    page.position(page.position() + length);
    return Unpooled.wrappedBuffer(entry);
  }
}
