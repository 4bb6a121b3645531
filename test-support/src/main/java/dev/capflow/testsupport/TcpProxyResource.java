package dev.capflow.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test resource that puts a {@link TcpProxy} in front of one datastore of {@link PostgresRedisResource} and points the
 * service's client at it, so that a test can cut the datastore and restore it while the service runs. Subclasses say
 * what to front and which configuration to replace; tests reach the proxy through the subclass's {@code proxy()}.
 */
public abstract class TcpProxyResource implements QuarkusTestResourceLifecycleManager {

    private static final Map<Class<?>, TcpProxy> RUNNING = new ConcurrentHashMap<>();

    /** Starts the proxy in front of the datastore of {@code stores}. */
    protected abstract TcpProxy open(Datastores stores);

    /** The configuration that sends the service's client through {@code proxy}. */
    protected abstract Map<String, String> pointAt(TcpProxy proxy, Datastores stores);

    @Override
    public Map<String, String> start() {
        Datastores stores = PostgresRedisResource.datastores();
        TcpProxy proxy = open(stores);
        RUNNING.put(getClass(), proxy);
        return pointAt(proxy, stores);
    }

    /** The running proxy of the resource {@code type}. */
    protected static TcpProxy running(Class<? extends TcpProxyResource> type) {
        TcpProxy proxy = RUNNING.get(type);
        if (proxy == null) {
            throw new IllegalStateException(type.getSimpleName() + " has not started");
        }
        return proxy;
    }

    /** After PostgresRedisResource, whose datastore it fronts and whose configuration it replaces. */
    @Override
    public int order() {
        return 10;
    }

    @Override
    public void stop() {
        TcpProxy proxy = RUNNING.remove(getClass());
        if (proxy != null) {
            proxy.close();
        }
    }
}
