import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The reference: DuckDB's own CSV reader and Parquet writer (zstd), one thread unless told otherwise.
 * java -cp duckdb_jdbc.jar bench/watch/DuckDbCsvToParquet.java IN.csv OUT.parquet [THREADS]
 * Prints: rows seconds bytes
 */
public class DuckDbCsvToParquet {

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Files.deleteIfExists(out);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET threads = " + threads);
            long start = System.nanoTime();
            st.execute("COPY (SELECT * FROM read_csv('" + in + "')) TO '" + out
                    + "' (FORMAT parquet, COMPRESSION zstd)");
            double seconds = (System.nanoTime() - start) / 1e9;
            long rows;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + out + "')")) {
                rs.next();
                rows = rs.getLong(1);
            }
            System.out.printf("%d %.3f %d%n", rows, seconds, Files.size(out));
        }
    }
}
