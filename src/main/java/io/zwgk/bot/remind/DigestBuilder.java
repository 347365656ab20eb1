package io.zwgk.bot.remind;

import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.ops.Markdown;
import io.zwgk.bot.stats.Unit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns one run's {@link Due}s into one message per group instead of one per item.
 *
 * <p>A unit group (not {@link GroupConfig#office()}) gets every due item of the units it
 * {@link GroupConfig#covers(String) covers}, in the sections 已逾期 / 今日到期 / 即将到期, and @-mentions those units'
 * contacts. An office group gets no routine reminders: it gets the 待复核 findings of the units it covers and, when the
 * run escalates, their items overdue by at least the escalation delay, marked 【督办】, without mentions. Within a
 * section, lines are ordered by working days left (most overdue first), then deadline, then unit in {@code units}
 * order, then id. A group with nothing to say gets no digest. Whether today is a working day outside quiet hours is the
 * scheduler's concern: it only calls this on runs it sends.
 */
public final class DigestBuilder {
  /** How unit groups answer. */
  public static final String FOOTER = "回复「收到」确认；整改完成请发「整改 编号 说明」";
  /** How office groups answer. */
  public static final String OFFICE_FOOTER = "复核后请发「复核 编号 通过」或「复核 编号 退回 原因」";
  private static final List<DueState> UNIT_SECTIONS = List.of(DueState.OVERDUE, DueState.DUE_TODAY,
      DueState.DUE_SOON);
  private static final List<DueState> OFFICE_SECTIONS = List.of(DueState.OVERDUE, DueState.AWAITING_REVIEW);

  private final int escalationWorkingDays;

  public DigestBuilder(ReminderRules rules) {
    this.escalationWorkingDays = rules.escalationWorkingDays();
  }

  /**
   * Builds the digests of one run, in {@code groups} order.
   *
   * @param dues what {@link DueEvaluator} said about each item today (already filtered by schedule kinds and snoozes)
   * @param units the configured units, for contacts and ordering
   * @param escalate whether this run's schedule escalates overdue items to office groups
   */
  public List<Digest> build(List<Due> dues, List<Unit> units, List<GroupConfig> groups, LocalDate today,
      boolean escalate) {
    Map<String, Integer> order = new HashMap<>();
    Map<String, Unit> byName = new HashMap<>();
    for (int i = 0; i < units.size(); i++) {
      order.putIfAbsent(units.get(i).name(), i);
      byName.putIfAbsent(units.get(i).name(), units.get(i));
    }
    Comparator<Due> urgency = Comparator.comparingInt(Due::workingDaysLeft).thenComparing(Due::deadline)
        .thenComparingInt(d -> order.getOrDefault(d.item().unit(), Integer.MAX_VALUE))
        .thenComparing(d -> d.item().unit()).thenComparing(d -> d.item().id(), DigestBuilder::compareIds);
    List<Digest> digests = new ArrayList<>();
    for (GroupConfig group : groups) {
      List<Due> mine = dues.stream().filter(d -> group.covers(d.item().unit())).filter(shown(group, escalate))
          .sorted(urgency).toList();
      if (!mine.isEmpty()) {
        digests.add(digest(group, mine, byName, today));
      }
    }
    return digests;
  }

  private Predicate<Due> shown(GroupConfig group, boolean escalate) {
    if (!group.office()) {
      return d -> UNIT_SECTIONS.contains(d.state());
    }
    return d -> d.state() == DueState.AWAITING_REVIEW
        || escalate && d.state() == DueState.OVERDUE && d.overdueBy() >= escalationWorkingDays;
  }

  private Digest digest(GroupConfig group, List<Due> dues, Map<String, Unit> units, LocalDate today) {
    String title = (group.office() ? "政务公开督办" : "政务公开提醒") + " " + Texts.date(today, today);
    StringBuilder text = new StringBuilder(title).append('\n');
    List<String> ids = new ArrayList<>();
    for (DueState state : group.office() ? OFFICE_SECTIONS : UNIT_SECTIONS) {
      List<Due> section = dues.stream().filter(d -> d.state() == state).toList();
      if (!section.isEmpty()) {
        text.append("\n**").append(state.label()).append("（").append(section.size()).append(" 项）**\n");
        for (Due due : section) {
          text.append(line(due, group.office(), today)).append('\n');
          ids.add(due.item().id());
        }
      }
    }
    text.append('\n').append(group.office() ? OFFICE_FOOTER : FOOTER);
    return new Digest(group.name(), mentions(group, dues, units, title, text.toString()), ids);
  }

  /** Unit groups @ every contact of the units named: by user id on the group's platform, else by mobile. */
  private static OutboundMessage mentions(GroupConfig group, List<Due> dues, Map<String, Unit> units, String title,
      String text) {
    Set<String> userIds = new LinkedHashSet<>();
    Set<String> mobiles = new LinkedHashSet<>();
    if (!group.office()) {
      dues.stream().map(d -> units.get(d.item().unit())).filter(Objects::nonNull).distinct()
          .flatMap(u -> u.contacts().stream())
          .forEach(c -> {
            String userId = c.userIds().get(group.platform());
            if (userId != null && !userId.isBlank()) {
              userIds.add(userId);
            } else if (!c.mobile().isBlank()) {
              mobiles.add(c.mobile());
            }
          });
    }
    return new OutboundMessage(title, text, List.copyOf(userIds), List.copyOf(mobiles));
  }

  /**
   * {@code 【编号 12】县水利局：…（截止 5月13日，逾期 2 个工作日）}, with 【督办】 in front for escalations. The id and unit
   * are made literal here; {@link Due#what()} already is ({@link DueEvaluator} escapes the user text it quotes).
   */
  public static String line(Due due, boolean office, LocalDate today) {
    String head = (office && due.state() == DueState.OVERDUE ? "【督办】" : "") + "【编号 "
        + Markdown.literal(due.item().id()) + "】" + Markdown.literal(due.item().unit()) + "：" + due.what();
    String deadline = Texts.date(due.deadline(), today);
    String tail = switch (due.state()) {
      case OVERDUE -> "截止 " + deadline + "，" + (due.overdueBy() > 0 ? "逾期 " + due.overdueBy() + " 个工作日" : "已逾期");
      case DUE_TODAY -> "今天截止";
      case DUE_SOON -> "截止 " + deadline + "，" + (due.workingDaysLeft() > 0 ? "还剩 " + due.workingDaysLeft()
          + " 个工作日" : "截止日前已无工作日，请今天办理");
      case AWAITING_REVIEW -> "整改期限 " + deadline;
    };
    return head + "（" + tail + "）";
  }

  private static int compareIds(String a, String b) {
    boolean numeric = a.matches("\\d{1,9}") && b.matches("\\d{1,9}");
    return numeric ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : a.compareTo(b);
  }
}
