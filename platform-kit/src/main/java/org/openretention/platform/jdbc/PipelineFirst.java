package org.openretention.platform.jdbc;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.inject.Inject;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Hibernate sends nothing before the writes a transaction queued in the {@link StatementPipeline}: a Panache query
 * or flush inside an intake transaction sees (and follows) the pipeline's writes, as a read through the pipeline
 * would. Without it, an entity read in a handler would miss the rows the same batch queued a moment before.
 * Costs nothing outside an opened pipeline or with nothing queued.
 */
@PersistenceUnitExtension
public class PipelineFirst implements StatementInspector {

    @Inject
    StatementPipeline pipeline;

    @Override
    public String inspect(String sql) {
        pipeline.flush();
        return sql;
    }
}
