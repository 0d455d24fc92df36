package org.stormdesk.site;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SeatProposalPolicyTest {

    static SeatProposalPolicy.Candidate seat(String code, String floor, int row, int col, String... devices) {
        return new SeatProposalPolicy.Candidate(code, "hq", floor, row, col, Set.of(devices));
    }

    @Test
    void theNearestFreeSeatWithAtLeastTheSameEquipmentOnTheSameFloorWins() {
        var from = seat("A-05", "3F", 0, 4, "pc", "phone");
        var far = seat("A-12", "3F", 0, 11, "pc", "phone", "headset");
        var nearNoPhone = seat("A-06", "3F", 0, 5, "pc");
        var near = seat("B-05", "3F", 2, 4, "pc", "phone");
        var otherFloor = seat("C-05", "4F", 0, 4, "pc", "phone");
        assertThat(SeatProposalPolicy.propose(from, List.of(far, nearNoPhone, otherFloor, near))).contains(near);
        assertThat(SeatProposalPolicy.propose(from, List.of(far, otherFloor))).contains(far);
        assertThat(SeatProposalPolicy.propose(from, List.of(otherFloor))).contains(otherFloor);
        assertThat(SeatProposalPolicy.propose(from, List.of(nearNoPhone))).isEmpty();
    }

    @Test
    void tiesGoToTheLowerCodeAndTheSeatLeftIsNeverProposed() {
        var from = seat("A-05", "3F", 1, 4, "pc");
        var left = seat("A-04", "3F", 1, 3, "pc");
        var right = seat("A-06", "3F", 1, 5, "pc");
        assertThat(SeatProposalPolicy.propose(from, List.of(right, left, from))).contains(left);
    }
}
