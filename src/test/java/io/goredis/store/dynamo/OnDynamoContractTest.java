package io.goredis.store.dynamo;

import io.goredis.store.StoreContractTest;

/**
 * The {@link StoreContractTest} knobs for stores backed by DynamoDB Local: the heavy tests scaled
 * down (every DynamoDB call is a loopback HTTP round trip; their assertions are unchanged), values
 * under the 400 KB item limit, and SWAPDB skipped (refused by {@link DynamoStore#swap} on purpose).
 * Subclasses register their own {@link DynamoDbLocalExtension} and build the store.
 */
public abstract class OnDynamoContractTest extends StoreContractTest {

    @Override
    public int concurrentClients() {
        return 10;
    }

    @Override
    public int incrementsPerClient() {
        return 20;
    }

    @Override
    protected int largeValueBytes() {
        return 390 * 1024;
    }

    @Override
    protected int scanStableKeys() {
        return 300;
    }

    @Override
    protected boolean supportsSwap() {
        return false;
    }
}
