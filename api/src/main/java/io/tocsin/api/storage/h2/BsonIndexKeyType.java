package io.tocsin.api.storage.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The key of a unique index (the indexed fields' values) as a count and BSON values, ordered field
 * by field the way MongoDB orders values. H2's default type Java-serialized every key on every
 * comparison.
 */
final class BsonIndexKeyType extends BasicDataType<KeyValue> {

  static final BsonIndexKeyType INSTANCE = new BsonIndexKeyType();
  private static final ValueComparator ORDER = ValueComparator.asc();

  private BsonIndexKeyType() {}

  @Override
  public int getMemory(KeyValue key) {
    return 64 * key.size();
  }

  @Override
  public void write(WriteBuffer page, KeyValue key) {
    ByteBuf encoded = Unpooled.buffer(64 * key.size());
    encoded.writeByte(key.size());
    for (Object value : key) {
      BsonValues.writeValue(value, encoded);
    }
    BsonValues.put(page, encoded);
  }

  @Override
  public KeyValue read(ByteBuffer page) {
    ByteBuf entry = BsonValues.next(page);
    int size = entry.readUnsignedByte();
    List<Object> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(BsonValues.readValue(entry));
    }
    return new KeyValue(values);
  }

  @Override
  public int compare(KeyValue a, KeyValue b) {
    int common = Math.min(a.size(), b.size());
    for (int i = 0; i < common; i++) {
      int order = ORDER.compare(a.get(i), b.get(i));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public KeyValue[] createStorage(int size) {
    return new KeyValue[size];
  }
}
