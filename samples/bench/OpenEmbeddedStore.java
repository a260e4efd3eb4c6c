// Times what the server's start does with the embedded store file, without Spring: open the H2
// MVStore (after a crash this is where H2 looks for the last complete chunk), then open the
// databases, collections and indexes (BsonH2Backend), then one count. Run on a COPY of a data
// dir's tocsin-store.mv (opening may repair the file):
//
//   java -cp 'x/BOOT-INF/classes:x/BOOT-INF/lib/*' samples/bench/OpenEmbeddedStore.java COPY.mv
//
// Used for the crash start-up measurement in docs/performance.md.
import io.tocsin.api.storage.h2.BsonH2Backend;
import org.h2.mvstore.MVStore;

public class OpenEmbeddedStore {
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    MVStore store = new MVStore.Builder().fileName(args[0]).autoCommitDisabled().open();
    long t1 = System.nanoTime();
    BsonH2Backend backend = BsonH2Backend.open(store, false);
    long t2 = System.nanoTime();
    java.util.Map<String, String> info = new java.util.TreeMap<>();
    store.populateInfo(info::put);
    System.out.printf(
        "MVStore open %d ms, backend open %d ms, clean header %s, chunks %s, file %d MB, read"
            + " during open %s bytes%n",
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        store.getStoreHeader().get("clean"),
        info.get("info.CHUNK_COUNT"),
        store.getFileStore().size() >> 20,
        info.get("info.FILE_READ_BYTES"));
    store.closeImmediately();
  }
}
