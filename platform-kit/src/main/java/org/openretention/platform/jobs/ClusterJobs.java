package org.openretention.platform.jobs;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Runs a scheduled job in exactly one instance of a service at a time: the job holds a PostgreSQL session
 * advisory lock named after it while it runs, on a connection of its own, so the job's work can use
 * transactions of its own. An instance that finds the lock taken skips the round.
 */
@ApplicationScoped
public class ClusterJobs {

    private static final Logger LOG = Logger.getLogger(ClusterJobs.class);

    private final AgroalDataSource dataSource;

    @Inject
    public ClusterJobs(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code job} unless another instance is running the job of that name; returns whether it ran. */
    public boolean runExclusively(String jobName, Runnable job) {
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "SELECT pg_try_advisory_lock(hashtext('openretention-job'), hashtext(?))", jobName)) {
                LOG.debugf("Job %s runs in another instance; skipping", jobName);
                return false;
            }
            try {
                job.run();
                return true;
            } finally {
                call(connection, "SELECT pg_advisory_unlock(hashtext('openretention-job'), hashtext(?))", jobName);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the lock of job " + jobName + ": " + e.getMessage(), e);
        }
    }

    private static boolean call(Connection connection, String sql, String jobName) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, jobName);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
