package org.motif.pedigree;

import java.util.List;

/**
 * A PED file as read by {@link PedReader}.
 *
 * @param columns  the columns the file has, in order (the six standard ones when there is no header)
 * @param records  one per data line, in file order (lines with a fault in their own fields are left out)
 * @param problems faults of the text itself (column count, codes, header names), with their lines
 */
public record PedFile(List<PedColumn> columns, List<PedRecord> records, List<PedigreeIssue> problems) {
    public PedFile {
        columns = List.copyOf(columns);
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }

    public boolean has(PedColumn column) {
        return columns.contains(column);
    }
}
