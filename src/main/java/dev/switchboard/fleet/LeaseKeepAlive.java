package dev.switchboard.fleet;

import io.etcd.jetcd.lease.LeaseKeepAliveResponse;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/** A lease's keep-alive stream: when it fails or ends, the fleet session it belongs to is broken. */
record LeaseKeepAlive(CompletableFuture<Void> broken) implements StreamObserver<LeaseKeepAliveResponse> {

    @Override
    public void onNext(LeaseKeepAliveResponse value) {
        // the lease lives on
    }

    @Override
    public void onError(Throwable t) {
        broken.completeExceptionally(t);
    }

    @Override
    public void onCompleted() {
        broken.completeExceptionally(new IllegalStateException("the lease's keep-alive ended"));
    }
}
