package io.zwgk.bot.bulletin;

import io.vertx.core.Future;
import io.zwgk.bot.access.Access;
import io.zwgk.bot.access.Action;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.monitor.Evidence;
import io.zwgk.bot.monitor.MonitorStore;
import io.zwgk.bot.remind.SentReminder;
import io.zwgk.bot.remind.SentReminderStore;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.TrackedKind;
import io.zwgk.bot.remind.TrackedStore;
import io.zwgk.bot.stats.PeriodStats;
import io.zwgk.bot.stats.StatsStore;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.store.BindingStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulletin workflow: compose a month's draft from the stores, preview it in the office groups, publish it once to
 * every broadcast group (recording the issue date and turning the findings it names into tracked items), and keep
 * the staff's narrative items and hand-entered counts. Every change and the draft's items are for office staff
 * ({@link Access}). Call on a Vert.x context; nothing here blocks.
 */
public final class BulletinService {
  /** Counts staff may enter by hand: 网络问政 letters, and 依申请公开 letters to override the tracked count. */
  public static final Set<String> COUNT_NAMES = Set.of(BasicSection.ONLINE, BasicSection.APPLICATIONS);
  /** Up to this day of a month, commands without a month mean the previous month. */
  public static final int PREVIOUS_MONTH_UNTIL_DAY = 10;
  /** The longest 栏目 name accepted, in characters. */
  public static final int MAX_SECTION = 30;
  /** The longest narrative item accepted, in characters. */
  public static final int MAX_TEXT = 3000;
  /** An issue date may be at most this many days after today. */
  public static final int MAX_DAYS_AHEAD = 30;
  /** The highest 期号 staff may set. */
  public static final int MAX_NUMBER = 999;
  private static final Logger log = LoggerFactory.getLogger(BulletinService.class);

  private final BulletinStore store;
  private final StatsStore stats;
  private final TrackedStore tracked;
  private final MonitorStore monitor;
  private final SentReminderStore sent;
  private final Outbox outbox;
  private final BindingStore bindings;
  private final ChatConfig chat;
  private final BulletinComposer composer;
  private final Optional<String> publicUrl;
  private final OverviewParagraph overview;
  private final Map<String, Unit> units;
  private final Clock clock;
  private final Corrections corrections;

  /**
   * @param monitor the monitor's evidence (page and first-seen time of its findings)
   * @param sent the log of reminders sent, for 多次被提醒 and the accounts' reminder counts
   * @param bindings who is bound to which unit, so the broadcast @-mentions them
   */
  public BulletinService(BulletinStore store, StatsStore stats, TrackedStore tracked, MonitorStore monitor,
      SentReminderStore sent, Outbox outbox, BindingStore bindings, ChatConfig chat, BulletinSetup setup,
      Clock clock) {
    this.store = store;
    this.stats = stats;
    this.tracked = tracked;
    this.monitor = monitor;
    this.sent = sent;
    this.outbox = outbox;
    this.bindings = bindings;
    this.chat = chat;
    this.composer = new BulletinComposer(setup.templates(), setup.days(), setup.reminders(), setup.units(),
        setup.unitNames(), setup.county());
    this.overview = new OverviewParagraph(setup.templates());
    this.publicUrl = setup.publicUrl();
    this.units = setup.units().stream().collect(Collectors.toMap(Unit::name, u -> u, (a, b) -> a));
    this.clock = clock;
    this.corrections = new Corrections(outbox, chat, clock);
  }

  /** ●信息发布情况 of a month that has figures, as the bulletin words it (the chat's 概况). */
  public String overview(PeriodStats month) {
    return overview.of(month);
  }

  /** The month a command without a month means: the previous month on days 1–10, else the current month. */
  public static YearMonth defaultPeriod(LocalDate today) {
    YearMonth current = YearMonth.from(today);
    return today.getDayOfMonth() <= PREVIOUS_MONTH_UNTIL_DAY ? current.minusMonths(1) : current;
  }

  /** {@link #defaultPeriod(LocalDate)} for today on the service's clock. */
  public YearMonth defaultPeriod() {
    return defaultPeriod(LocalDate.now(clock));
  }

  /**
   * The published bulletin as frozen at publication followed by its corrections, else the draft as it would be issued
   * today.
   */
  public Future<Bulletin> bulletin(YearMonth period) {
    return store.load(period).compose(state -> state.published().isPresent()
        ? Future.succeededFuture(corrected(state)) : draft(state, today()).map(Draft::bulletin));
  }

  /**
   * The bulletin as frozen at publication followed by its corrections; empty while the month is a draft (nothing is
   * composed).
   */
  public Future<Optional<Bulletin>> published(YearMonth period) {
    return store.load(period).map(state -> state.published().map(b -> corrected(state)));
  }

  private static Bulletin corrected(BulletinState state) {
    return state.published().orElseThrow().corrected(state.corrections());
  }

  /** {@link #preview(Actor, YearMonth, Optional)} as issued today. */
  public Future<PreviewResult> preview(Actor actor, YearMonth period) {
    return preview(actor, period, Optional.empty());
  }

  /**
   * Composes the draft as issued on {@code issueDate} (today when empty) and queues it to every office group, with
   * what it lacks and the findings it would create.
   *
   * @throws IssueDateException (as a failed future) for a date before the month's end or more than
   *     {@value #MAX_DAYS_AHEAD} days after today
   */
  public Future<PreviewResult> preview(Actor actor, YearMonth period, Optional<LocalDate> issueDate) {
    return Access.require(actor, Action.PREVIEW_BULLETIN).compose(v -> issueDate(period, issueDate))
        .compose(day -> store.load(period).compose(state -> draft(state, day))).compose(d -> sendPreview(period, d));
  }

  /** The given issue date when it is from the month's end to {@value #MAX_DAYS_AHEAD} days ahead; else today. */
  private Future<LocalDate> issueDate(YearMonth period, Optional<LocalDate> given) {
    if (given.isEmpty()) {
      return Future.succeededFuture(today());
    }
    LocalDate day = given.get();
    LocalDate earliest = period.atEndOfMonth();
    LocalDate latest = today().plusDays(MAX_DAYS_AHEAD);
    return day.isBefore(earliest) || day.isAfter(latest)
        ? Future.failedFuture(new IssueDateException(period, day, earliest, latest)) : Future.succeededFuture(day);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private Future<PreviewResult> sendPreview(YearMonth period, Draft d) {
    OutboundMessage message = ChatSummary.preview(d.bulletin(), d.findings());
    long now = clock.millis();
    return send(chat.officeGroups(), message, g -> "bulletin-preview:" + period + ":" + now + ":" + g.name())
        .map(groups -> new PreviewResult(d.bulletin(), d.findings(), groups));
  }

  /** {@link #publish(Actor, YearMonth, Optional)} issued today. */
  public Future<PublishResult> publish(Actor actor, YearMonth period) {
    return publish(actor, period, Optional.empty());
  }

  /**
   * Publishes the month once, issued on {@code issueDate} (today when empty): numbers it (the 期号 staff set, else
   * the year's highest published number + 1), queues the summary to every broadcast group under the key
   * {@code bulletin:{period}:{group}}, records who published it, the issue date and the groups, and tracks every
   * finding the bulletin names (deadline = issue date + the template's working days): a new finding per unit a
   * [存在问题] paragraph names that is not tracked yet, and the deadline on the tracked findings it reports that have
   * none (the monitor's findings). A second call sends nothing and answers
   * {@link PublishResult.Outcome#ALREADY_PUBLISHED} with the first publication. Without a broadcast group nothing is
   * published (the month stays open) and the answer is {@link PublishResult.Outcome#NO_BROADCAST_GROUP}.
   *
   * @throws IssueDateException (as a failed future) for a date before the month's end or more than
   *     {@value #MAX_DAYS_AHEAD} days after today
   * @throws BulletinNumberTakenException (as a failed future) when the 期号 staff set was taken meanwhile by another
   *     month's publication; nothing is published
   */
  public Future<PublishResult> publish(Actor actor, YearMonth period, Optional<LocalDate> issueDate) {
    return Access.require(actor, Action.PUBLISH_BULLETIN).compose(v -> issueDate(period, issueDate))
        .compose(day -> store.load(period).compose(state -> state.published().isPresent()
            ? already(state, state.published().get()) : publishDraft(actor, state, day)));
  }

  private Future<PublishResult> publishDraft(Actor actor, BulletinState state, LocalDate day) {
    return draft(state, day).compose(d -> {
      if (!d.bulletin().missing().isEmpty()) {
        return Future.succeededFuture(new PublishResult(PublishResult.Outcome.INCOMPLETE, d.bulletin(), 0, 0));
      }
      if (chat.broadcastGroups().isEmpty()) {
        return Future.succeededFuture(new PublishResult(PublishResult.Outcome.NO_BROADCAST_GROUP, d.bulletin(), 0,
            0));
      }
      Publication by = new Publication(clock.instant(), actor.channel(), actor.userId(), actor.name(),
          d.bulletin().issueDate(), chat.broadcastGroups().stream().map(GroupConfig::name).toList());
      return record(d.bulletin().published(by), state.number().isEmpty()).compose(r -> r.earlier().isPresent()
          ? already(state, r.earlier().get()) : broadcast(r.published(), d.inputs()));
    });
  }

  /**
   * Stores the publication. When another month's publication took its number in the meantime, a number staff did not
   * set is replaced by the next free one, once.
   */
  private Future<Recorded> record(Bulletin published, boolean renumber) {
    return store.publish(published).map(earlier -> new Recorded(published, earlier)).recover(e ->
        renumber && e instanceof BulletinNumberTakenException ? store.numbers(published.period().getYear())
            .compose(numbers -> record(published.numbered(next(numbers)), false)) : Future.failedFuture(e));
  }

  private static int next(Map<YearMonth, Integer> numbers) {
    return numbers.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
  }

  private Future<PublishResult> broadcast(Bulletin published, BulletinInputs inputs) {
    log.info("publishing the {} bulletin to {} groups", published.period(), chat.broadcastGroups().size());
    return queueBroadcast(published, inputs).compose(groups -> trackFindings(inputs)
        .map(created -> new PublishResult(PublishResult.Outcome.PUBLISHED, published, groups, created)));
  }

  /**
   * Queues the summary to every broadcast group, once per group and month (the key makes a repeat a no-op),
   * @-mentioning the people of the units it names that the group covers: their contacts and the users bound to them.
   */
  private Future<Integer> queueBroadcast(Bulletin published, BulletinInputs inputs) {
    Accountable named = composer.accountable(inputs);
    return boundUsers(named).compose(bound -> send(chat.broadcastGroups(), g -> ChatSummary.published(published,
        named, Audience.of(g, named, units, bound.get(g.platform()), outbox.maxBytes(g.platform())), publicUrl),
        g -> "bulletin:" + published.period() + ":" + g.name()));
  }

  /** The users bound to the named units, per platform of a broadcast group, then per unit. */
  private Future<Map<String, Map<String, List<String>>>> boundUsers(Accountable named) {
    List<String> platforms = chat.broadcastGroups().stream().map(GroupConfig::platform).distinct().toList();
    List<Future<Map<String, List<String>>>> lookups = platforms.stream()
        .map(p -> bindings.usersOf(p, named.names())).toList();
    return Future.all(lookups).map(all -> {
      Map<String, Map<String, List<String>>> out = new HashMap<>();
      for (int i = 0; i < platforms.size(); i++) {
        out.put(platforms.get(i), lookups.get(i).result());
      }
      return out;
    });
  }

  /**
   * An earlier publication stands. Its broadcast is queued again under the same keys while they still guard against
   * repeats: a no-op for the groups it reached, and the missing ones if the service stopped, or Redis failed, between
   * recording the publication and queueing it. Findings it should have tracked are made sure of the same way, from
   * the records as they are now, so only while the guard lasts: later records are not the publication's.
   */
  private Future<PublishResult> already(BulletinState state, Bulletin published) {
    Instant at = published.publication().orElseThrow().publishedAt();
    if (!clock.instant().isBefore(at.plus(Outbox.REPEAT_GUARD))) {
      return Future.succeededFuture(new PublishResult(PublishResult.Outcome.ALREADY_PUBLISHED, published, 0, 0));
    }
    return inputs(state, published.issueDate()).compose(in -> queueBroadcast(published, in).compose(groups -> {
      if (groups > 0) {
        log.warn("the {} bulletin had not been queued to {} groups; queued now", published.period(), groups);
      }
      return trackFindings(in)
          .map(created -> new PublishResult(PublishResult.Outcome.ALREADY_PUBLISHED, published, groups, created));
    }));
  }

  /** Tracks the findings the bulletin names that are not tracked yet and dates the reported ones; answers the new. */
  private Future<Integer> trackFindings(BulletinInputs inputs) {
    BulletinComposer.Named named = composer.namedFindings(inputs);
    return untracked(named.created()).compose(fresh -> {
      List<TrackedItem> changes = new ArrayList<>(fresh);
      changes.addAll(named.dated());
      if (changes.isEmpty()) {
        return Future.succeededFuture(0);
      }
      return tracked.upsert(TrackedKind.FINDINGS, changes).compose(up -> store.markBulletinFindings(
          up.items().subList(0, fresh.size()).stream().map(TrackedItem::id).toList()).map(up.created()));
    });
  }

  private Future<List<TrackedItem.Finding>> untracked(List<TrackedItem.Finding> named) {
    return tracked.list(TrackedKind.FINDINGS).map(existing -> {
      Set<String> keys = existing.stream().map(TrackedItem::naturalKey).collect(Collectors.toSet());
      return named.stream().filter(f -> !keys.contains(f.naturalKey())).toList();
    });
  }

  /**
   * Adds a narrative item to the month. Fails with {@link BulletinPublishedException} once the month is published,
   * with {@link IllegalArgumentException} for an empty or over-long 栏目 ({@value #MAX_SECTION}) or text
   * ({@value #MAX_TEXT} characters).
   */
  public Future<NarrativeItem> addItem(Actor actor, YearMonth period, String section, String text) {
    return Access.require(actor, Action.EDIT_BULLETIN).compose(v -> addItem(period, section, text, actor.who()));
  }

  private Future<NarrativeItem> addItem(YearMonth period, String section, String text, String by) {
    String s = section == null ? "" : section.strip();
    String t = text == null ? "" : text.strip();
    if (s.isEmpty() || t.isEmpty() || length(s) > MAX_SECTION || length(t) > MAX_TEXT) {
      return Future.failedFuture(new IllegalArgumentException("栏目(不超过" + MAX_SECTION + "字)和文字(不超过" + MAX_TEXT
          + "字)都不能为空 (section and text are required, at most " + MAX_SECTION + " and " + MAX_TEXT + " characters)"));
    }
    return store.addItem(period, s, t, by, clock.instant());
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** Who published the month and when; empty while it is a draft (cheap: no composition). */
  public Future<Optional<Publication>> publication(YearMonth period) {
    return store.load(period).map(BulletinState::publication);
  }

  /** The month's narrative items, oldest first. */
  public Future<List<NarrativeItem>> listItems(Actor actor, YearMonth period) {
    return Access.require(actor, Action.EDIT_BULLETIN).compose(v -> store.load(period)).map(s -> s.items().stream().sorted(Narrative.BY_ID).toList());
  }

  /** Removes an item by its 编号; empty when there is none; fails once its month is published. */
  public Future<Optional<NarrativeItem>> removeItem(Actor actor, String id) {
    return Access.require(actor, Action.EDIT_BULLETIN).compose(v -> store.removeItem(id.strip()));
  }

  /** Removes an item of {@code period} by its 编号; empty when that month has none (an id of another month too). */
  public Future<Optional<NarrativeItem>> removeItem(Actor actor, YearMonth period, String id) {
    return Access.require(actor, Action.EDIT_BULLETIN).compose(v -> store.removeItem(Optional.of(period), id.strip()));
  }

  /**
   * Sets a hand-entered count.
   *
   * @throws IllegalArgumentException (as a failed future) for a name not in {@link #COUNT_NAMES} or a negative value
   */
  public Future<Void> setCount(Actor actor, YearMonth period, String name, int value) {
    return Access.require(actor, Action.EDIT_BULLETIN).compose(v -> setCount(period, name, value));
  }

  private Future<Void> setCount(YearMonth period, String name, int value) {
    if (!COUNT_NAMES.contains(name) || value < 0) {
      return Future.failedFuture(new IllegalArgumentException("可录入的数量：" + String.join("、", COUNT_NAMES.stream()
          .sorted().toList()) + "，且不能为负数 (count name must be one of " + COUNT_NAMES + ", value >= 0)"));
    }
    return store.setCount(period, name, value);
  }

  /**
   * Sets the 期号 the month's bulletin is to have.
   *
   * @throws IllegalArgumentException (as a failed future) for a number outside 1 to {@value #MAX_NUMBER}
   * @throws BulletinPublishedException (as a failed future) once the month is published
   * @throws BulletinNumberTakenException (as a failed future) when a published bulletin of the year has it
   */
  public Future<Integer> setNumber(Actor actor, YearMonth period, int number) {
    return Access.require(actor, Action.EDIT_BULLETIN).compose(v -> number < 1 || number > MAX_NUMBER
        ? Future.failedFuture(new IllegalArgumentException("期号应为1至" + MAX_NUMBER + " (number must be 1 to "
            + MAX_NUMBER + ")"))
        : store.setNumber(period, number)).map(number);
  }

  /**
   * Sends a numbered 更正 of a published month to the groups the bulletin went to, once per correction (outbox key
   * {@code bulletin-correction:{period}:{n}:{group}}), and records it with who and when; the published bulletin stays
   * as it was sent. The same text again is the earlier correction ({@link CorrectionResult.Outcome#REPEATED}).
   *
   * @throws IllegalArgumentException (as a failed future) for an empty text or one over {@value #MAX_TEXT} characters
   */
  public Future<CorrectionResult> correct(Actor actor, YearMonth period, String text) {
    String t = text == null ? "" : text.strip();
    return Access.require(actor, Action.PUBLISH_BULLETIN).compose(v -> t.isEmpty() || length(t) > MAX_TEXT
        ? Future.failedFuture(new IllegalArgumentException("更正内容不能为空，且不超过" + MAX_TEXT
            + "字 (text is required, at most " + MAX_TEXT + " characters)"))
        : store.load(period)).compose(state -> state.published().isEmpty()
            ? Future.succeededFuture(corrections.notPublished(period))
            : store.addCorrection(period, new Correction(1, t, today(), clock.instant(), actor.channel(),
                actor.userId(), actor.name())).compose(r -> corrections.send(period, state.published().get(), r)));
  }

  private Future<Draft> draft(BulletinState state, LocalDate issued) {
    return inputs(state, issued).compose(in -> untracked(composer.namedFindings(in).created())
        .compose(fresh -> number(state).map(n -> new Draft(composer.compose(in).numbered(n), in, fresh))));
  }

  /** The 期号 staff set for the month, else the one after the year's highest published number. */
  private Future<Integer> number(BulletinState state) {
    return state.number().map(Future::succeededFuture)
        .orElseGet(() -> store.numbers(state.period().getYear()).map(BulletinService::next));
  }

  /** Everything the month's bulletin issued on {@code issued} is composed from. */
  private Future<BulletinInputs> inputs(BulletinState state, LocalDate issued) {
    Future<Optional<PeriodStats>> month = stats.period(state.period());
    Future<List<TrackedItem>> items = tracked.listAll();
    Future<Set<String>> earlier = store.bulletinFindings();
    Future<Map<String, Evidence>> evidence = monitor.evidence();
    Future<List<SentReminder>> reminders = sent.month(state.period());
    return Future.all(month, items, earlier, evidence, reminders).map(all -> new BulletinInputs(state.period(), issued,
        month.result(), state, items.result(), earlier.result(), evidence.result(), reminders.result()));
  }

  private Future<Integer> send(List<GroupConfig> groups, OutboundMessage message, Function<GroupConfig, String> key) {
    return send(groups, g -> message, key);
  }

  private Future<Integer> send(List<GroupConfig> groups, Function<GroupConfig, OutboundMessage> message,
      Function<GroupConfig, String> key) {
    List<Future<Boolean>> sends = groups.stream().map(g -> outbox.toGroup(g, message.apply(g), key.apply(g)).recover(e -> {
      log.warn("could not queue the bulletin to group {}: {}", g.name(), e.getMessage());
      return Future.succeededFuture(false);
    })).toList();
    return Future.all(sends).map(all -> (int) sends.stream().filter(Future::result).count());
  }

  private record Draft(Bulletin bulletin, BulletinInputs inputs, List<TrackedItem.Finding> findings) {
  }

  /** The bulletin as this call would have published it, and the one an earlier call did publish, if any. */
  private record Recorded(Bulletin published, Optional<Bulletin> earlier) {
  }
}
