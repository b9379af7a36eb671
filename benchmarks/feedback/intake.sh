#!/usr/bin/env bash
# benchmarks/feedback/intake.sh — the intake part of issue 15's benchmark: feedback-service on a simulator history,
# interaction events processed per second (its texts and invitations use cases), with the raw Kafka and PostgreSQL
# ceilings measured in the same run, and the churn AUC of segmentation-service with and without the feedback signals.
#
# The segmentation runner does the work (it starts its own Kafka and PostgreSQL, publishes the history while the
# services are stopped, runs feedback-service alone until it has applied everything, then segmentation-service on the
# same topics and feedback-service's events): see benchmarks/segmentation/run.sh. This wrapper skips the model timings
# and the 1M-customer evaluation, which are segmentation's alone, and names the report after feedback.
#
# Usage: benchmarks/feedback/intake.sh [--runs R] [--customers N] [--days D] [--report FILE] [other run.sh options]
set -euo pipefail
cd "$(dirname "$0")/../.."
REPORT="benchmarks/results/feedback-intake-$(date -u +%F).md"
ARGS=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --report) REPORT="$2"; shift ;;
        *) ARGS+=("$1") ;;
    esac
    shift
done
exec benchmarks/segmentation/run.sh --skip-models --skip-eval --report "$REPORT" "${ARGS[@]}"
