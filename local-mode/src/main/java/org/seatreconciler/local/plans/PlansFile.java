package org.seatreconciler.local.plans;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seatreconciler.local.cli.UsageException;

/**
 * Reads and checks the {@code --plans} file: UTF-8 CSV with the header {@code org_id,plan}, fields
 * trimmed, blank lines skipped. Every plan must be in the catalogue; the first bad row stops the run
 * before anything is published, with an error naming its line. An organisation listed twice keeps its
 * last row, as the compacted {@code billing.org-plans} topic would.
 */
public final class PlansFile {

    private PlansFile() {
    }

    /**
     * @param catalogue the known plan codes, in catalogue order (named in the error message)
     * @return the assignments in file order, one per organisation
     * @throws UsageException naming the file, line, organisation and plan of the first bad row
     */
    public static List<PlanAssignment> read(Path file, List<String> catalogue) {
        String name = file.getFileName().toString();
        Map<String, PlanAssignment> byOrg = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            boolean header = false;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a BOM left by spreadsheet exports
                }
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = fields(name, number, line);
                if (!header) {
                    if (!fields.equals(List.of("org_id", "plan"))) {
                        throw new UsageException(name + " line " + number + ": the header must be 'org_id,plan', got '" + line.trim() + "'");
                    }
                    header = true;
                    continue;
                }
                PlanAssignment row = row(name, number, fields, catalogue);
                byOrg.remove(row.orgId()); // last wins, and takes the last row's place
                byOrg.put(row.orgId(), row);
            }
            if (!header) {
                throw new UsageException(name + " is empty: expected the header 'org_id,plan'");
            }
        } catch (CharacterCodingException e) {
            throw new UsageException(name + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        return new ArrayList<>(byOrg.values());
    }

    private static List<String> fields(String name, int number, String line) {
        try {
            return CsvLine.split(line).stream().map(String::trim).toList();
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + " line " + number + ": " + e.getMessage());
        }
    }

    private static PlanAssignment row(String name, int number, List<String> fields, List<String> catalogue) {
        if (fields.size() != 2) {
            throw new UsageException(name + " line " + number + ": expected 2 fields (org_id,plan), got " + fields.size());
        }
        String org = fields.get(0);
        String plan = fields.get(1);
        if (org.isEmpty()) {
            throw new UsageException(name + " line " + number + ": org_id is empty");
        }
        if (!catalogue.contains(plan)) {
            throw new UsageException(name + " line " + number + ": org '" + org + "' has plan '" + plan
                    + "', which is not in the catalogue (" + String.join(", ", catalogue) + ")");
        }
        return new PlanAssignment(org, plan);
    }
}
