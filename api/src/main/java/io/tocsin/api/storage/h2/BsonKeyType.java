package io.tocsin.api.storage.h2;

import de.bwaldvogel.mongo.backend.ValueComparator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A document's {@code _id} (the key of a collection's map, the value of an index's map) as a BSON
 * value, ordered the way MongoDB orders values.
 */
final class BsonKeyType extends BasicDataType<Object> {

  static final BsonKeyType INSTANCE = new BsonKeyType();
  private static final ValueComparator ORDER = ValueComparator.asc();

  private BsonKeyType() {}

  @Override
  public int getMemory(Object key) {
    return 64;
  }

  @Override
  public void write(WriteBuffer page, Object key) {
    ByteBuf encoded = Unpooled.buffer(64);
    BsonValues.writeValue(key, encoded);
    BsonValues.put(page, encoded);
  }

  @Override
  public Object read(ByteBuffer page) {
    return BsonValues.readValue(BsonValues.next(page));
  }

  @Override
  public int compare(Object a, Object b) {
    return ORDER.compare(a, b);
  }

  @Override
  public Object[] createStorage(int size) {
    return new Object[size];
  }
}
