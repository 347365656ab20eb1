package io.zwgk.bot.bulletin;

import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.UnitStats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One month's 政务公开月报, composed from the bot's data (a draft) or as it was published (frozen at publication).
 *
 * @param period the month reported on
 * @param title the document title, e.g. {@code 信丰县2024年4月政务公开月报}
 * @param preface the 编者按 line as the template words it, may be empty
 * @param status draft or published
 * @param issueDate the day it was (or, for a draft, would be if published today) issued
 * @param rectificationDeadline issue date plus the template's working days: the deadline of every finding it names
 * @param sections the sections in document order; paragraphs separated by {@code \n}; empty sections are left out
 * @param tables 附件1 (county departments) and 附件2 (townships), ratio descending; empty without statistics
 * @param missing what the draft lacks and must have before it can be published ({@code 缺少：统计数据未导入} …)
 * @param notes what may be worth a look but does not stop publication ({@code 提示：[工作动态]暂无内容} …)
 * @param publication who published it and when, present exactly when published
 * @param number the 期号 (第N期, counted per year), the one it would get for a draft; 0 when it has none (published
 *     before bulletins were numbered)
 * @param issuer the masthead's issuing office ({@code 信丰县政务公开办}), empty when it names none
 * @param corrections the 更正 sent after publication, oldest first; never part of the frozen publication
 */
public record Bulletin(YearMonth period, String title, String preface, Status status, LocalDate issueDate,
    LocalDate rectificationDeadline, List<Section> sections, List<Table> tables, List<String> missing,
    List<String> notes, Optional<Publication> publication, int number, String issuer, List<Correction> corrections) {

  /** Whether the bulletin is still being prepared or has been sent to the groups. */
  public enum Status {
    DRAFT, PUBLISHED
  }

  public Bulletin {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(preface, "preface");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(issueDate, "issueDate");
    Objects.requireNonNull(rectificationDeadline, "rectificationDeadline");
    sections = List.copyOf(sections);
    tables = List.copyOf(tables);
    missing = List.copyOf(missing);
    notes = List.copyOf(notes);
    Objects.requireNonNull(publication, "publication");
    if (publication.isPresent() != (status == Status.PUBLISHED)) {
      throw new IllegalArgumentException("a bulletin has a publication exactly when it is published");
    }
    if (number < 0) {
      throw new IllegalArgumentException("a bulletin's number is 0 (none) or more: " + number);
    }
    Objects.requireNonNull(issuer, "issuer");
    corrections = List.copyOf(corrections);
    if (status == Status.DRAFT && !corrections.isEmpty()) {
      throw new IllegalArgumentException("only a published bulletin has corrections");
    }
  }

  /** A bulletin without number, issuer or corrections. */
  public Bulletin(YearMonth period, String title, String preface, Status status, LocalDate issueDate,
      LocalDate rectificationDeadline, List<Section> sections, List<Table> tables, List<String> missing,
      List<String> notes, Optional<Publication> publication) {
    this(period, title, preface, status, issueDate, rectificationDeadline, sections, tables, missing, notes,
        publication, 0, "", List.of());
  }

  /** This bulletin as published by {@code publication}, on its issue date. */
  public Bulletin published(Publication publication) {
    return new Bulletin(period, title, preface, Status.PUBLISHED, publication.issueDate(), rectificationDeadline,
        sections, tables, missing, notes, Optional.of(publication), number, issuer, corrections);
  }

  /** This bulletin as 第{@code n}期. */
  public Bulletin numbered(int n) {
    return new Bulletin(period, title, preface, status, issueDate, rectificationDeadline, sections, tables, missing,
        notes, publication, n, issuer, corrections);
  }

  /** This published bulletin followed by {@code list}, its corrections so far. */
  public Bulletin corrected(List<Correction> list) {
    return new Bulletin(period, title, preface, status, issueDate, rectificationDeadline, sections, tables, missing,
        notes, publication, number, issuer, list);
  }

  /** The section with this title, if present. */
  public Optional<Section> section(String sectionTitle) {
    return sections.stream().filter(s -> s.title().equals(sectionTitle)).findFirst();
  }

  /** The whole document as plain text in the seed's layout: title, sections, attachment list and tables. */
  public String fullText() {
    return FullText.of(this);
  }

  /**
   * A section of the document.
   *
   * @param title {@code 编者按}, {@code 基本情况}, {@code 工作动态}, {@code 存在问题} or {@code 工作要求} (as the templates name them)
   * @param text its paragraphs, separated by {@code \n}
   */
  public record Section(String title, String text) {
    public Section {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(text, "text");
    }

    public List<String> paragraphs() {
      return text.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  /**
   * An attachment table.
   *
   * @param label {@code 附件1} or {@code 附件2}
   * @param title e.g. {@code 政府信息公开平台县直单位信息发布统计表}
   * @param category the units it lists
   * @param month the month column's number ({@code 4} → {@code 4月发布条数})
   * @param rows ratio descending, then name
   */
  public record Table(String label, String title, Category category, int month, List<Row> rows) {
    public Table {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(category, "category");
      rows = List.copyOf(rows);
    }

    /** 单位名称, 本年度任务数, 已发布总数, <M>月发布条数, 完成比例(%). */
    public List<String> headers() {
      return List.of("单位名称", "本年度任务数", "已发布总数", month + "月发布条数", "完成比例(%)");
    }
  }

  /**
   * One unit's line of an attachment table.
   *
   * @param unit 单位名称
   * @param task 本年度任务数
   * @param total 已发布总数
   * @param month 本月发布条数
   */
  public record Row(String unit, int task, int total, int month) {
    public Row {
      Objects.requireNonNull(unit, "unit");
    }

    public static Row of(UnitStats s) {
      return new Row(s.unit(), s.task(), s.total(), s.month());
    }

    /** 完成比例, two decimals, half-up (the statistics' own rule). */
    public BigDecimal ratio() {
      return UnitStats.ratioOf(total, task);
    }

    /** The cells as printed: name, three counts, the ratio with two decimals. */
    public List<String> cells() {
      return List.of(unit, String.valueOf(task), String.valueOf(total), String.valueOf(month),
          ratio().toPlainString());
    }
  }
}
