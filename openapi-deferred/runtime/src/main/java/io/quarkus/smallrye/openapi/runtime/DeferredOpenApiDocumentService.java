package io.quarkus.smallrye.openapi.runtime;

import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.smallrye.openapi.OpenApiFilter.RunStage;
import io.quarkus.smallrye.openapi.runtime.filter.AutoSecurityFilter;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Quarkus 3.33.2's OpenAPI document service with the preparation of its documents (parsing the document written at
 * build time, serializing it as JSON and YAML) moved off the start: Quarkus' start recorder asks for it
 * unconditionally; here it is recorded, then run once on a worker thread {@code capflow.openapi.preparation-delay}
 * (10 s) after the start, so that it does not compete with the start and the first readiness answers for the CPU, or
 * by the first request that comes before that (which waits for the one preparation).
 *
 * <p>It sits in Quarkus' package because {@code prepareDocument} is package-private, and in an extension's runtime jar
 * because only that shares SmallRye OpenAPI's class loader in tests and dev mode (the override needs the same runtime
 * package). Quarkus' recorder and handler look the service up by Quarkus' class, which ArC does not count as a use,
 * hence {@code @Unremovable}. {@code @Singleton}: no client proxy between them and the override. See README.md.
 */
@Alternative
@Priority(1)
@Singleton
@Unremovable
public class DeferredOpenApiDocumentService extends OpenApiDocumentService {

    private final List<Runnable> pendingPreparations = new ArrayList<>();
    private volatile String preparingThread;

    @ConfigProperty(name = "capflow.openapi.preparation-delay", defaultValue = "10s")
    Duration preparationDelay;

    @Override
    synchronized void prepareDocument(
            AutoSecurityFilter autoSecurityFilter, Map<RunStage, List<String>> filtersToRun, String documentName) {
        pendingPreparations.add(() -> super.prepareDocument(autoSecurityFilter, filtersToRun, documentName));
    }

    @Override
    public byte[] getDocument(String documentName, Format format) {
        prepareRecordedDocuments();
        return super.getDocument(documentName, format);
    }

    void prepareAfterStart(@Observes StartupEvent started) {
        ScheduledExecutorService workers = Infrastructure.getDefaultWorkerPool();
        // the delay's timer only hands the preparation to a worker thread
        workers.schedule(
                () -> workers.execute(this::prepareRecordedDocuments),
                preparationDelay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Runs the preparations recorded so far, each once; a caller that comes during them waits for them. */
    synchronized void prepareRecordedDocuments() {
        if (pendingPreparations.isEmpty()) {
            return;
        }
        preparingThread = Thread.currentThread().getName();
        pendingPreparations.forEach(Runnable::run);
        pendingPreparations.clear();
    }

    /** The name of the thread that prepared the documents, null while none was prepared (tests check it). */
    public String preparingThread() {
        return preparingThread;
    }
}
