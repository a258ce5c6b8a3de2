package org.kronika.extract.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kronika.bench.ShingleMetric;
import org.kronika.input.Inputs;
import org.kronika.input.SourceDocument;
import org.kronika.testing.Prerequisites;

/** Guards extraction quality on the shared article-extraction benchmark when it is present. */
class HtmlExtractorBenchmarkTest {
  private static final Path SET = Path.of("../shared/bench/extraction/scrapinghub");

  @Test
  void scrapinghubBodyF1StaysAboveReadability() throws IOException {
    Prerequisites.require(Files.isDirectory(SET), "the scrapinghub extraction benchmark in ../shared/bench");
    JsonNode truth = new ObjectMapper().readTree(SET.resolve("ground-truth.json").toFile());
    HtmlExtractor extractor = new HtmlExtractor();
    List<ShingleMetric.PageScore> scores = new ArrayList<>();
    for (Iterator<String> ids = truth.fieldNames(); ids.hasNext(); ) {
      String id = ids.next();
      Inputs.Collected got = new Inputs.Collected();
      Inputs.standard().readFile(SET.resolve("html/" + id + ".html.gz"), got);
      SourceDocument page = got.documents.get(0);
      String body = extractor.extract(page).body();
      scores.add(ShingleMetric.page(truth.get(id).path("articleBody").asText(), body));
    }
    double f1 = ShingleMetric.corpus(scores).f1();
    // readability-lxml scores 0.922 here, boilerpipe 0.860
    assertTrue(f1 >= 0.93, "body F1 " + f1);
  }
}
