package io.strata.model;

import io.strata.model.ColumnType.TemporalKind;
import io.strata.model.ValueDomain.Binary;
import io.strata.model.ValueDomain.Family;
import io.strata.model.ValueDomain.Json;
import io.strata.model.ValueDomain.Members;
import io.strata.model.ValueDomain.Numeric;
import io.strata.model.ValueDomain.Opaque;
import io.strata.model.ValueDomain.SetOf;
import io.strata.model.ValueDomain.Temporal;
import io.strata.model.ValueDomain.Text;
import io.strata.model.ValueDomain.Uuid;
import io.strata.model.ValueFit.Fit;
import io.strata.model.ValueFit.Reading;

import java.math.BigDecimal;
import java.util.List;

/**
 * ValueConversion judges converting the values of one {@link ValueDomain} to another: how readers see them,
 * and whether each one fits, rounds or is refused.
 */
final class ValueConversion {

    /** Below the largest finite real (3.4e38) and double (1.8e308): exact numbers under these convert, rounded. */
    private static final BigDecimal REAL_RANGE = BigDecimal.TEN.pow(38);
    private static final BigDecimal DOUBLE_RANGE = BigDecimal.TEN.pow(308);

    private ValueConversion() {
    }

    static ValueFit of(ValueDomain from, ValueDomain to) {
        Reading reading = reading(from, to);
        return new ValueFit(reading == Reading.RETYPED ? printedOrParsed(from, to) : fit(from, to), reading);
    }

    // ---- reading: symmetric, so that a change and its reverse read alike

    private static Reading reading(ValueDomain a, ValueDomain b) {
        if (a.family() != b.family() || a instanceof Opaque x && !x.equals(b)) {
            return Reading.RETYPED;
        }
        if (a instanceof Members x && b instanceof Members y && x.type() != null && !x.type().equals(y.type())) {
            // Two enum types: labels need not match, and casts name the type.
            return Reading.RETYPED;
        }
        if (a instanceof Temporal x && b instanceof Temporal y) {
            if (!x.relatedTo(y)) {
                return Reading.RETYPED;
            }
            return x.zoned() == y.zoned() ? Reading.SAME : Reading.REZONED;
        }
        return restyled(a, b) ? Reading.RESTYLED : Reading.SAME;
    }

    private static boolean restyled(ValueDomain a, ValueDomain b) {
        if (a instanceof Binary x && b instanceof Binary y) {
            return x.padded() != y.padded();
        }
        if (a instanceof Json x && b instanceof Json y) {
            return x.binary() != y.binary();
        }
        if (a instanceof Members x && b instanceof Members y) {
            return x.members() != null && y.members() != null
                    && !keptOrder(x.members(), y.members()).equals(keptOrder(y.members(), x.members()));
        }
        return a.family() == Family.STRING && (padded(a) != padded(b) || a instanceof Members != b instanceof Members);
    }

    /** The members of {@code a} that {@code b} also has, in {@code a}'s order: an enum sorts by position. */
    private static List<String> keptOrder(List<String> a, List<String> b) {
        return a.stream().filter(b::contains).toList();
    }

    private static boolean padded(ValueDomain d) {
        return d instanceof Text t && t.padded();
    }

    // ---- fit within a family

    private static Fit fit(ValueDomain a, ValueDomain b) {
        if (a instanceof Numeric x && b instanceof Numeric y) {
            return number(x, y);
        }
        if (a instanceof Binary x && b instanceof Binary y) {
            return atMost(x.capacity(), y.capacity());
        }
        if (a instanceof Temporal x && b instanceof Temporal y) {
            return temporal(x, y);
        }
        if (a instanceof SetOf x && b instanceof SetOf y) {
            return y.members().containsAll(x.members()) ? Fit.FITS : Fit.REFUSES;
        }
        if (a.family() == Family.STRING) {
            return string(a, b);
        }
        // Booleans, and types known by the same text.
        return Fit.FITS;
    }

    private static Fit number(Numeric a, Numeric b) {
        boolean negativesLost = a.negatives() && !b.negatives();
        if (a.approximate() && b.approximate()) {
            // A double beyond real's range is an overflow error; within it, it keeps fewer digits.
            boolean fewerBits = b.mantissaBits() < a.mantissaBits();
            return fit(fewerBits, fewerBits || negativesLost);
        }
        if (a.approximate()) {
            // Only unconstrained numeric takes every finite float, and it keeps only the float's printed digits.
            return fit(true, b.max() != null || negativesLost);
        }
        if (b.approximate()) {
            return intoFloat(a, b, negativesLost);
        }
        boolean minOk = b.min() == null || a.min() != null && b.min().compareTo(a.min()) <= 0;
        boolean maxOk = b.max() == null || a.max() != null && b.max().compareTo(a.max()) >= 0;
        boolean scaleOk = b.scale() == null || a.scale() != null && b.scale() >= a.scale();
        return fit(!scaleOk, !minOk || !maxOk);
    }

    /** A float holds whole numbers exactly while their magnitude fits the mantissa, and rounds others in its range. */
    private static Fit intoFloat(Numeric a, Numeric b, boolean negativesLost) {
        if (a.min() == null || a.max() == null) {
            return Fit.ROUNDS_OR_REFUSES;
        }
        BigDecimal magnitude = a.min().abs().max(a.max().abs());
        if (a.scale() != null && a.scale() == 0 && magnitude.compareTo(ValueDomain.TWO.pow(b.mantissaBits())) <= 0) {
            return fit(false, negativesLost);
        }
        boolean inRange = magnitude.compareTo(b.mantissaBits() > 24 ? DOUBLE_RANGE : REAL_RANGE) < 0;
        return fit(true, !inRange || negativesLost);
    }

    private static Fit temporal(Temporal a, Temporal b) {
        boolean refuses = b.epochRange() && !a.epochRange();
        if (a.kind() == b.kind()) {
            return fit(b.precision() < a.precision(), refuses);
        }
        // A date is a timestamp at midnight; a timestamp loses its time of day as a date.
        return fit(a.kind() != TemporalKind.DATE, refuses);
    }

    private static Fit string(ValueDomain a, ValueDomain b) {
        if (b instanceof Text t) {
            return atMost(a.longestText(), t.capacity());
        }
        if (b instanceof Members y) {
            return a instanceof Members x && x.members() != null && y.members() != null
                    && y.members().containsAll(x.members()) ? Fit.FITS : Fit.REFUSES;
        }
        if (b instanceof Json y) {
            // jsonb refuses what json keeps as text: escaped NUL characters and numbers beyond numeric's range.
            return a instanceof Json x && (x.binary() || !y.binary()) ? Fit.FITS : Fit.REFUSES;
        }
        // UUIDs take only UUIDs; any other text may not parse.
        return a instanceof Uuid ? Fit.FITS : Fit.REFUSES;
    }

    // ---- fit across families: values are printed or parsed

    private static Fit printedOrParsed(ValueDomain a, ValueDomain b) {
        if (b instanceof Text t) {
            // Bytes read in a character set are not always text; printed values are, when they are short enough.
            return a instanceof Binary x && !x.hexText() ? Fit.REFUSES : atMost(a.longestText(), t.capacity());
        }
        if (a instanceof Temporal x && b instanceof Temporal y && x.kind() == TemporalKind.TIMESTAMP
                && y.kind() == TemporalKind.TIME) {
            // The time of day of a timestamp, without its date.
            return Fit.ROUNDS;
        }
        if (a instanceof Members x && x.type() == null && b instanceof SetOf y) {
            // Each ENUM value is a SET of one member.
            return y.members().containsAll(x.members()) ? Fit.FITS : Fit.REFUSES;
        }
        return Fit.REFUSES;
    }

    private static Fit fit(boolean rounds, boolean refuses) {
        if (refuses) {
            return rounds ? Fit.ROUNDS_OR_REFUSES : Fit.REFUSES;
        }
        return rounds ? Fit.ROUNDS : Fit.FITS;
    }

    /** FITS when {@code size} is within {@code capacity}; null is unbounded. */
    private static Fit atMost(Integer size, Integer capacity) {
        return capacity == null || size != null && size <= capacity ? Fit.FITS : Fit.REFUSES;
    }
}
