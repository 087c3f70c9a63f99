package org.motif.export;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.random.RandomGenerator;

/**
 * De-identification rules of the export (like REDCap's "shift all dates"): each participant has one random
 * offset, stored with the participant, never exported, and applied to every date and timestamp of that
 * participant in every sheet and every export, so intervals within a participant are kept.
 */
public final class Deidentification {
    /** Offsets are drawn from 1..{@value} days into the past. */
    public static final int MAX_SHIFT_DAYS = 364;
    /** Width of the birth-year bins when coarsening. */
    public static final int BIRTH_YEAR_BIN = 5;

    private Deidentification() {
    }

    /** A new offset in days: negative, from −{@value #MAX_SHIFT_DAYS} to −1 (dates move into the past). */
    public static int newShiftDays(RandomGenerator random) {
        return -(1 + random.nextInt(MAX_SHIFT_DAYS));
    }

    /** The date moved by {@code shiftDays}; null stays null. */
    public static LocalDate shift(LocalDate date, int shiftDays) {
        return date == null ? null : date.plusDays(shiftDays);
    }

    /** The timestamp moved by {@code shiftDays} whole days; null stays null. */
    public static OffsetDateTime shift(OffsetDateTime time, int shiftDays) {
        return time == null ? null : time.plusDays(shiftDays);
    }

    /**
     * The first year of the 5-year bin holding {@code year} (bins start at years divisible by 5:
     * 1983 → 1980 stands for 1980–1984); null stays null.
     */
    public static Integer coarsenBirthYear(Integer year) {
        return year == null ? null : Math.floorDiv(year, BIRTH_YEAR_BIN) * BIRTH_YEAR_BIN;
    }
}
