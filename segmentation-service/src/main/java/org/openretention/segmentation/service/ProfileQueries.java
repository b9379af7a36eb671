package org.openretention.segmentation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.openretention.segmentation.config.SegmentationConfig;
import org.openretention.segmentation.lifecycle.PopulationFacts;
import org.openretention.segmentation.lifecycle.StageDecision;
import org.openretention.segmentation.lifecycle.StageRules;
import org.openretention.segmentation.profile.CustomerProfile;
import org.openretention.segmentation.profile.ProfileFacts;
import org.openretention.segmentation.store.ProfileRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the API shows of a customer: the stored profile, and its lifecycle stage evaluated now. Domain values; the
 * rest layer shapes them for the API.
 */
@ApplicationScoped
public class ProfileQueries {

    /**
     * A profile and its lifecycle stage as of {@code evaluatedAt}.
     *
     * @param facts what the stage rules read: the profile's all-time figures and the rolling ones as of {@code evaluatedAt}
     */
    public record EvaluatedProfile(CustomerProfile profile, ProfileFacts facts, StageDecision lifecycle, Instant evaluatedAt) {
    }

    private final ProfileRepository profiles;
    private final StageRules stageRules;
    private final Clock clock;
    private final Duration populationFactsFor;
    private volatile CachedPopulation population;

    private record CachedPopulation(PopulationFacts facts, Instant computedAt) {
    }

    @Inject
    public ProfileQueries(ProfileRepository profiles, StageRules stageRules, Clock clock, SegmentationConfig config) {
        this.profiles = profiles;
        this.stageRules = stageRules;
        this.clock = clock;
        this.populationFactsFor = config.populationFactsFor();
    }

    /** The stored profile; empty for a customer the service has no profile of (never seen, or erased). */
    @Transactional
    public Optional<CustomerProfile> stored(String customerId) {
        return profiles.profile(customerId);
    }

    /**
     * The profile with its lifecycle stage as of now. The stage compares the customer with the whole customer base
     * (high net worth), whose facts are computed at most every {@code segmentation.population-facts-for}.
     */
    @Transactional
    public Optional<EvaluatedProfile> evaluated(String customerId) {
        Instant now = clock.instant();
        return profiles.profile(customerId).map(profile -> {
            ProfileRepository.RollingFigures rolling = profiles.rollingAsOf(customerId, now);
            ProfileFacts facts = profile.factsAsOf(rolling.spend12m(), rolling.ordersLast90d());
            return new EvaluatedProfile(profile, facts, stageRules.evaluate(facts, population(now), now), now);
        });
    }

    private PopulationFacts population(Instant now) {
        CachedPopulation cached = population;
        if (cached == null || !cached.computedAt().plus(populationFactsFor).isAfter(now) || cached.computedAt().isAfter(now)) {
            // two requests may both compute it at the turn of the minute: harmless, and cheaper than a lock
            cached = new CachedPopulation(profiles.population(stageRules.thresholds(), now), now);
            population = cached;
        }
        return cached.facts();
    }
}
