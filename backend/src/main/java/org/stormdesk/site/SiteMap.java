package org.stormdesk.site;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.stormdesk.site.db.SeatRepository;
import org.stormdesk.site.db.SeatRow;

import java.util.List;

/** The floor plan as the other capabilities see it. */
@Singleton
public class SiteMap {

    private final SeatRepository seats;

    public SiteMap(SeatRepository seats) {
        this.seats = seats;
    }

    public List<Seat> seats() {
        return seats.findAllOrderByCode().stream().map(r -> new Seat(r.code(), r.floor(), r.zone())).toList();
    }

    public boolean seatExists(String code) {
        return seats.existsById(code);
    }

    @Transactional
    public void addSeatIfAbsent(Seat seat) {
        if (!seats.existsById(seat.code())) {
            seats.save(new SeatRow(seat.code(), seat.floor(), seat.zone()));
        }
    }
}
