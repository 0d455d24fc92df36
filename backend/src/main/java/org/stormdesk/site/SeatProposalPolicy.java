package org.stormdesk.site;

import io.micronaut.core.annotation.Nullable;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which seat to propose when someone must move (S1.2): a free, working seat with at least the equipment of the
 * seat they leave, nearest to it: on the same floor by steps across the grid, then on another floor of the same
 * site; ties go to the lower seat code. No seat with the same equipment: no proposal.
 */
public final class SeatProposalPolicy {

    /** Any seat on another floor counts as farther than any seat on the same floor. */
    static final int OTHER_FLOOR = 10_000;

    private SeatProposalPolicy() {
    }

    public static Optional<Candidate> propose(@Nullable Candidate from, List<Candidate> freeWorkingSeats) {
        Set<String> needed = from == null ? Set.of() : from.equipment();
        return freeWorkingSeats.stream()
                .filter(c -> from == null || !c.code().equals(from.code()))
                .filter(c -> from == null || c.site().equals(from.site()))
                .filter(c -> c.equipment().containsAll(needed))
                .min(Comparator.comparingInt((Candidate c) -> distance(from, c)).thenComparing(Candidate::code));
    }

    /** Steps across the grid on the same floor; another floor, or a seat not yet drawn, is farther than any. */
    public static int distance(@Nullable Candidate from, Candidate to) {
        if (from == null) {
            return 0;
        }
        if (!from.floor().equals(to.floor())) {
            return OTHER_FLOOR;
        }
        if (from.row() == null || from.col() == null || to.row() == null || to.col() == null) {
            return OTHER_FLOOR - 1;
        }
        return Math.abs(from.row() - to.row()) + Math.abs(from.col() - to.col());
    }

    /** A seat as the rule sees it. */
    public record Candidate(String code, String site, String floor, @Nullable Integer row, @Nullable Integer col,
                            Set<String> equipment) {
    }
}
