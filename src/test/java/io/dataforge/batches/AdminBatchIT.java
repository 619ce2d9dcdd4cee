package io.dataforge.batches;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Admins see, filter and forget batches of every site. */
@IntegrationTest
class AdminBatchIT {

    @LocalServerPort
    int port;

    BatchClient site;

    @BeforeEach
    void site() {
        site = new BatchClient(new TestHttp(port));
    }

    @Test
    @SuppressWarnings("unchecked")
    void batchesAreFilteredBySiteAndStatus() {
        String done = site.start();
        site.post("/api/v1/batch/" + done + "/complete");
        String open = site.start();

        Map<String, Object> all = TestHttp.json(site.identity.adminGet("/admin/batches?siteId=" + site.site.get("id")));
        Map<String, Object> completed = TestHttp.json(site.identity.adminGet("/admin/batches?siteId="
                + site.site.get("id") + "&status=COMPLETED&from=2000-01-01&sort=startedAt,asc"));

        assertThat(all).containsEntry("totalElements", 2);
        assertThat(((List<Map<String, Object>>) all.get("content")).get(0)).containsEntry("id", open);
        assertThat(completed).containsEntry("totalElements", 1);
        assertThat(((List<Map<String, Object>>) completed.get("content")).get(0)).containsEntry("id", done)
            .containsEntry("status", "COMPLETED");
        for (String bad : List.of("siteId=nope", "status=DONE", "from=yesterday", "sort=secret,asc", "size=100000")) {
            HttpResponse<String> response = site.identity.adminGet("/admin/batches?" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void oneBatchShowsItsFilesAndS3Path() {
        String batchId = site.start();
        byte[] file = BatchClient.gzipCsv(21, 50);
        site.upload(batchId, Map.of("one.csv.gz", file));

        Map<String, Object> batch = TestHttp.json(site.identity.adminGet("/admin/batches/" + batchId));

        assertThat((String) batch.get("s3Path")).startsWith("s3://dataforge/" + site.accountId + "/");
        assertThat(batch.get("files").toString()).contains("fileName=one.csv.gz").contains("fileSize=" + file.length);
        assertThat(site.identity.adminGet("/admin/batches/not-a-uuid").statusCode()).isEqualTo(404);
    }

    @Test
    void deletingAnOpenBatchFreesItsSite() {
        String open = site.start();

        HttpResponse<String> deleted = site.identity.http
            .send(site.identity.http.asAdmin("/admin/batches/" + open).DELETE());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(site.identity.adminGet("/admin/batches/" + open).statusCode()).isEqualTo(404);
        assertThat(site.start()).isNotEqualTo(open);
        assertThat(site.identity.withBearer("GET", "/admin/batches", site.token).statusCode()).isEqualTo(403);
    }

}
