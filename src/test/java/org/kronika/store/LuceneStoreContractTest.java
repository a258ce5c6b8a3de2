package org.kronika.store;

/** The store contract, met by the embedded store in a data directory on disk. */
class LuceneStoreContractTest extends StoreContract {

  @Override
  Store openWriter() throws Exception {
    return LuceneStore.openForWriting(tmp.resolve("data"));
  }

  @Override
  Store openReader() throws Exception {
    return LuceneStore.openForReading(tmp.resolve("data"));
  }

  @Override
  boolean shared() {
    return false;
  }
}
