package org.seatreconciler.batch.ledger;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The rows of one query in org_id order, fetched a page at a time, each page starting after the last
 * organisation of the one before (keyset paging on the primary key's range): memory holds one page, and no
 * result stays open between pages. H2's lazily executed results, the other way to stream, lose pages that
 * the store's background writer has moved while the night writes ("MVStoreException: Chunk ... not found",
 * h2database issues 4142 and 4383); a materialised result is written in full to a temporary file before
 * its first row.
 */
final class OrgPages<T> implements Iterator<T> {

    static final int PAGE_ROWS = 10_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final String first;
    private final String next;
    private final Map<String, Object> params;
    private final RowMapper<T> mapper;
    private final Function<T, String> orgOf;
    private final int pageRows;
    private List<T> page = List.of();
    private int at;
    private boolean last;

    /**
     * @param select    {@code SELECT ... FROM ... WHERE ...}, filtering one date
     * @param leading   what comes before org_id in the ORDER BY ("billing_date, " for one date's rows), or ""
     * @param orgId     the org_id column as it sorts in Java's order ({@link Dialect#inJavaOrder})
     * @param orderTail what follows org_id in the ORDER BY (", line_type"), or ""
     */
    OrgPages(NamedParameterJdbcTemplate jdbc, String select, String leading, String orgId, String orderTail,
            Map<String, ?> params, RowMapper<T> mapper, Function<T, String> orgOf, int pageRows) {
        this.jdbc = jdbc;
        this.pageRows = pageRows;
        String order = " ORDER BY " + leading + orgId + orderTail + " FETCH FIRST " + pageRows + " ROWS ONLY";
        this.first = select + order;
        this.next = select + " AND " + orgId + " > :afterOrg" + order;
        this.params = new HashMap<>(params);
        this.mapper = mapper;
        this.orgOf = orgOf;
    }

    @Override
    public boolean hasNext() {
        while (at == page.size() && !last) {
            fetch();
        }
        return at < page.size();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.get(at++);
    }

    private void fetch() {
        String after = page.isEmpty() ? null : orgOf.apply(page.get(page.size() - 1));
        if (after != null) {
            params.put("afterOrg", after);
        }
        List<T> rows = jdbc.query(after == null ? first : next, params, mapper);
        at = 0;
        if (rows.size() < pageRows) {
            last = true;
            page = rows;
            return;
        }
        // A full page may end inside an organisation's rows: they come again, whole, with the next page.
        String cut = orgOf.apply(rows.get(rows.size() - 1));
        int end = rows.size();
        while (end > 0 && orgOf.apply(rows.get(end - 1)).equals(cut)) {
            end--;
        }
        if (end == 0) {
            throw new IllegalStateException("More than " + pageRows + " rows of one organisation (" + cut
                    + ") on one date");
        }
        page = rows.subList(0, end);
    }
}
