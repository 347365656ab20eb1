package io.zwgk.bot.monitor;

import io.zwgk.bot.monitor.MonitorConfig.GuideContact;
import io.zwgk.bot.monitor.MonitorConfig.UnitSite;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code guide} and {@code units} parts of {@code monitor.yaml}, checking names, addresses and numbers. */
final class UnitSitesFile {
  private final MonitorChecks errors;
  private final Optional<List<String>> knownUnits;
  private final List<String> hosts;

  UnitSitesFile(MonitorChecks errors, Optional<List<String>> knownUnits, List<String> hosts) {
    this.errors = errors;
    this.knownUnits = knownUnits;
    this.hosts = hosts;
  }

  GuideContact guide(String path, MonitorDocument.GuideEntry g, GuideContact fallback) {
    if (g == null) {
      return fallback;
    }
    Optional<String> address = text(g.address()).or(fallback::address);
    Optional<String> phone = phone(path + ".phone", g.phone()).or(fallback::phone);
    Optional<String> fax = phone(path + ".fax", g.fax()).or(fallback::fax);
    return new GuideContact(address, phone, fax);
  }

  private Optional<String> phone(String path, String number) {
    Optional<String> text = text(number);
    if (text.isPresent() && GuideCheck.digits(text.get()).length() < 7) {
      errors.add(path, "not a phone number (at least 7 digits, e.g. 0797—7177965): " + number);
    }
    return text;
  }

  private static Optional<String> text(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  List<UnitSite> units(List<MonitorDocument.UnitEntry> entries, GuideContact guide) {
    List<UnitSite> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<MonitorDocument.UnitEntry> list = entries == null ? List.of() : entries;
    for (int i = 0; i < list.size(); i++) {
      MonitorDocument.UnitEntry u = list.get(i);
      String path = "units[" + i + "]";
      String name = u == null || u.name() == null ? "" : u.name().strip();
      if (name.isEmpty()) {
        errors.add(path + ".name", "required: the unit's full name as in units.yaml");
        continue;
      }
      if (!names.add(name)) {
        errors.add(path + ".name", "listed twice: " + name);
      } else if (knownUnits.isPresent() && !knownUnits.get().contains(name)) {
        errors.add(path + ".name", "not a unit of units.yaml: " + name);
      }
      out.add(new UnitSite(name, url(path + ".homePage", u.homePage()), url(path + ".guidePage", u.guidePage()),
          guide(path + ".guide", u.guide(), guide)));
    }
    return out;
  }

  private Optional<String> url(String path, String value) {
    Optional<String> text = text(value);
    if (text.isEmpty()) {
      return text;
    }
    try {
      URI uri = new URI(text.get());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        errors.add(path, "not an http(s) address: " + value);
      } else if (!HostList.allows(hosts, uri)) {
        errors.add(path, "host " + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
            + " is not in allowedHosts (a port other than 80 and 443 must be listed as host:port)");
      }
    } catch (URISyntaxException e) {
      errors.add(path, "not a web address: " + value);
    }
    return text;
  }
}
