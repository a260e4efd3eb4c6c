package io.tocsin.api.storage.h2;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** Documents stored as BSON. Values of a collection's map only; they are never compared. */
final class BsonDocumentType extends BasicDataType<Document> {

  static final BsonDocumentType INSTANCE = new BsonDocumentType();

  /**
   * What H2 charges a document against its page and cache budgets. An estimate (measuring would
   * mean encoding twice); events are 0.5–2 KB of BSON.
   */
  private static final int ESTIMATED_BYTES = 1024;

  private BsonDocumentType() {}

  @Override
  public int getMemory(Document document) {
    return ESTIMATED_BYTES;
  }

  @Override
  public void write(WriteBuffer page, Document document) {
    ByteBuf encoded = Unpooled.buffer(ESTIMATED_BYTES);
    BsonEncoder.encodeDocument(document, encoded);
    BsonValues.put(page, encoded);
  }

  @Override
  public Document read(ByteBuffer page) {
    return BsonDecoder.decodeBson(BsonValues.next(page));
  }

  @Override
  public Document[] createStorage(int size) {
    return new Document[size];
  }
}
