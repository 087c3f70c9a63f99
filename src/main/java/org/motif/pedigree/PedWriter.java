package org.motif.pedigree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes PED text: tab-separated, one line per individual, {@code \n} line ends, unknown parent
 * {@code 0}. The 6-column form is what PLINK, MERLIN and FASTLINK read; the extended form starts with
 * a {@code #} header naming every column and adds every field ({@code .} for a missing value), so that
 * {@link PedReader} reads back exactly what was written. Families are ordered by family id and members
 * by id (numbers inside ids compare as numbers), so the same records always give the same bytes.
 */
public final class PedWriter {
    /** Every column of the extended form, in order. */
    public static final List<PedColumn> EXTENDED = List.of(PedColumn.values());

    private PedWriter() {
    }

    /** Writes {@code individuals} (any order; null-safe fields) in the 6-column or the extended form. */
    public static String write(List<Individual> individuals, boolean extended) {
        StringBuilder out = new StringBuilder();
        if (extended) {
            out.append('#').append(EXTENDED.stream().map(PedColumn::header).collect(Collectors.joining("\t"))).append('\n');
        }
        List<Individual> sorted = new ArrayList<>(individuals);
        sorted.sort(Comparator.comparing(Individual::familyId, NaturalOrder.INSTANCE).thenComparing(Individual::id, NaturalOrder.INSTANCE));
        for (Individual i : sorted) {
            List<String> f = new ArrayList<>(Arrays.asList(i.familyId(), i.id(), orZero(i.fatherId()), orZero(i.motherId()),
                    i.sex().code(), i.affection().code()));
            if (extended) {
                PhenotypeDetail p = i.phenotype();
                f.add(num(i.birthYear()));
                f.add(i.proband() ? "1" : "0");
                f.add(i.deceased() ? "1" : "0");
                f.add(i.role().code());
                f.add(i.placeholder() ? "1" : "0");
                f.add(text(i.twinGroup()));
                f.add(text(i.twinType()));
                f.add(p.dystoniaType() == null ? "." : p.dystoniaType().code());
                f.add(text(p.bodyRegion()));
                f.add(text(p.side()));
                f.add(text(p.instrument()));
                f.add(text(p.task()));
                f.add(num(p.ageAtOnset()));
                f.add(p.certainty() == null ? "." : p.certainty().code());
                f.add(text(p.severity()));
                f.add(p.hpoTerms().isEmpty() ? "." : String.join(",", p.hpoTerms()));
                f.add(text(p.examiner()));
                f.add(p.recordedOn() == null ? "." : p.recordedOn().toString());
                f.add(text(p.note()));
            }
            out.append(String.join("\t", f)).append('\n');
        }
        return out.toString();
    }

    /** The detail as it reads back from an extended PED line (free text on one line, blank as null). */
    public static PhenotypeDetail normalized(PhenotypeDetail p) {
        return new PhenotypeDetail(p.dystoniaType(), n(p.bodyRegion()), n(p.side()), n(p.instrument()), n(p.task()), p.ageAtOnset(), p.certainty(),
                n(p.severity()), p.hpoTerms(), n(p.examiner()), p.recordedOn(), n(p.note()));
    }

    private static String n(String s) {
        String t = text(s);
        return t.equals(".") ? null : t;
    }

    private static String orZero(String id) {
        return id == null ? "0" : id;
    }

    private static String num(Integer n) {
        return n == null ? "." : n.toString();
    }

    /** A free-text value on one PED field: tabs and line breaks become spaces, empty becomes {@code .}. */
    public static String text(String s) {
        if (s == null) return ".";
        String t = s.replaceAll("[\\t\\r\\n]+", " ").strip();
        return t.isEmpty() ? "." : t;
    }
}
