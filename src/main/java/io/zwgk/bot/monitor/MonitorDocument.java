package io.zwgk.bot.monitor;

import java.util.LinkedHashMap;
import java.util.List;

/** The shape of {@code monitor.yaml} as written; {@link MonitorConfigFile} checks it and fills defaults. */
record MonitorDocument(String userAgent, CrawlEntry crawl, List<String> allowedHosts, List<String> robotsOverride,
    String schedule, String zone, GuideEntry guide, LinkedHashMap<String, String> dateSelectors,
    LinkedHashMap<String, String> dictionary, List<UnitEntry> units) {

  record CrawlEntry(Integer perHostConcurrency, Integer perHostDelayMillis, Integer requestTimeoutSeconds,
      Integer pageBudget, Integer newestItemsPerColumn, Integer runDeadlineMinutes, Integer maxPageMiB,
      Integer maxAttachmentMiB, Integer maxImageMiB) {
  }

  record GuideEntry(String address, String phone, String fax) {
  }

  record UnitEntry(String name, String homePage, String guidePage, GuideEntry guide) {
  }
}
