"""Screens: turn the session state and the content into channel-neutral Views.

Every sentence comes from `content/texts.yaml`; this module only chooses and fills them in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from bot.routine.actions import GeneralVerb, SessionVerb, general_action, session_action
from bot.routine.content import ChecklistItem, Content, Dose, Exercise, Routine, SessionTexts
from bot.routine.dosing import PersonalDose, dose_of
from bot.routine.intents import Intent
from bot.routine.local_time import zone_city
from bot.routine.locale_format import digits, list_separator
from bot.routine.session import (
    Outcome,
    Phase,
    SessionState,
    asks_soreness_before,
    can_try_gentler,
)
from bot.routine.set_script import MomentKind, SetMoment
from bot.routine.stop_signals import FlagLevel, Timeframe, closest_items
from bot.routine.views import Action, Media, ReplyKeyboard, Timer, View

SORENESS_ROWS = ((0, 1, 2, 3, 4, 5), (6, 7, 8, 9, 10))
MAX_CAPTION_LENGTH = 1024  # Telegram's limit for a media caption
CAPTION_CUES = 3  # the cues that matter most come first in the content
ITEM_SEPARATOR = "+"  # between the checklist ids in a confirm question's "Yes" button


class Screens:
    """Builds every View of the coaching conversation from one validated Content."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.routine = content.routine
        self.tracks = content.tracks
        self.texts = content.texts

    def track(self, state: SessionState) -> Routine:
        """The session's own track (the floor routine, or one without the floor)."""
        return self.tracks.get(state.routine_id)

    # --- onboarding -------------------------------------------------------------------------

    def welcome(self) -> View:
        onboarding = self.texts.onboarding
        text = "\n\n".join(
            (
                onboarding.welcome.format(minutes=self.routine.minutes),
                onboarding.scope,
                onboarding.consent,
            )
        )
        return View(text, ((self._general(GeneralVerb.CONSENT, self.texts.buttons.consent),),))

    def red_flags_question(self, *, asked: bool = False) -> View:
        """The checklist's first part: the emergency signs. *asked*: the full list after a
        possible sign in free text (its answer is the same; only the question's words differ)."""
        onboarding, buttons = self.texts.onboarding, self.texts.buttons
        question = (
            self.texts.safety.possible_full_question if asked else onboarding.red_flags_question
        )
        rows = (
            (self._general(GeneralVerb.FLAGS_NONE, buttons.flags_none),),
            (self._general(GeneralVerb.FLAGS_SOME, buttons.flags_some),),
        )
        return View(f"{question}\n\n{self._bullets(FlagLevel.EMERGENCY)}", rows)

    def doctor_flags_question(self) -> View:
        """The checklist's second part: the see-a-doctor signs."""
        onboarding, buttons = self.texts.onboarding, self.texts.buttons
        rows = (
            (self._general(GeneralVerb.DOCTOR_FLAGS_NONE, buttons.flags_none),),
            (self._general(GeneralVerb.DOCTOR_FLAGS_SOME, buttons.doctor_flags_some),),
        )
        text = f"{onboarding.doctor_flags_question}\n\n{self._bullets(FlagLevel.SEE_DOCTOR)}"
        return View(text, rows)

    def doctor_checklist_advice(self) -> str:
        """The see-a-doctor part answered "one of these applies": how soon, sign by sign."""
        onboarding, soon = self.texts.onboarding, self.texts.safety.doctor_soon
        blocks = [onboarding.doctor_flags_advice]
        for timeframe in Timeframe:
            signs = [
                f"• {item.short}"
                for item in onboarding.items_at(FlagLevel.SEE_DOCTOR)
                if item.timeframe is timeframe
            ]
            if signs:
                blocks.append("\n".join((soon.of(timeframe), *signs)))
        return "\n\n".join(blocks)

    def safety_stop(
        self,
        level: FlagLevel,
        *,
        clear_in_hours: int = 0,
        lead: str | None = None,
        timeframe: Timeframe | None = None,
    ) -> View:
        """The screen of a standing warning sign: the advice, and only the ways out it allows.

        Emergency level: "I answered by mistake" (asks the whole list again) at any time, and
        "I've been checked" once *clear_in_hours* is 0. See-a-doctor level: how soon
        (*timeframe*, when known), the acknowledgement, and the emergency safety net last.
        """
        onboarding, safety, buttons = self.texts.onboarding, self.texts.safety, self.texts.buttons
        mistake = self._general(GeneralVerb.FLAGS_MISTAKE, buttons.flags_mistake)
        if level is FlagLevel.SEE_DOCTOR:
            blocks = [lead or safety.text_doctor]
            if timeframe is not None:
                blocks.append(safety.doctor_when.of(timeframe))
            blocks += [safety.doctor_ack, onboarding.red_flags_after, safety.safety_net]
            rows = (
                (self._general(GeneralVerb.DOCTOR_OK, buttons.doctor_ok),),
                (mistake,),
            )
            return View("\n\n".join(blocks), rows)
        # A lead (the reply to typed words) already says what to do now.
        blocks = [lead] if lead else [onboarding.red_flags_advice, onboarding.red_flags_urgent]
        if clear_in_hours > 0:
            blocks.append(safety.clearance_wait.format(hours=safety.hours.of(clear_in_hours)))
            ways_out: tuple[tuple[Action, ...], ...] = ((mistake,),)
        else:
            blocks.append(safety.clearance_ready)
            checked = self._general(GeneralVerb.FLAGS_ASSESSED, buttons.flags_assessed)
            ways_out = ((checked,), (mistake,))
        blocks.append(onboarding.red_flags_after)
        return View("\n\n".join(blocks), ways_out)

    def safety_cleared(self) -> str:
        """The lines after a warning sign is cleared or withdrawn: how the restart stays gentle,
        and the emergency safety net."""
        days = self.routine.rules.clearance_no_rise_days
        safety = self.texts.safety
        return f"{safety.cleared.format(days=days)}\n{safety.safety_net}"

    def possible_red_flag(
        self, concepts: tuple[str, ...] = (), categories: tuple[str, ...] = ()
    ) -> View:
        """Free text that might describe a warning sign: one short question, never a hint.

        At most `CONFIRM_LINES` signs, the closest to the screen's *concepts* and *categories*
        first; "Yes" carries their ids, so it leads to the advice for their level; the rest of
        the list on request."""
        buttons = self.texts.buttons
        items = closest_items(self.texts.onboarding.checklist, concepts, categories)
        flags = "\n".join(f"• {item.short}" for item in items)
        ids = ITEM_SEPARATOR.join(item.id for item in items)
        rows: list[tuple[Action, ...]] = [
            (self._general(GeneralVerb.POSSIBLE_YES, buttons.possible_yes, ids),),
        ]
        if len(items) < len(self.texts.onboarding.checklist):
            rows.append((self._general(GeneralVerb.POSSIBLE_ALL, buttons.possible_all),))
        rows.append((self._general(GeneralVerb.POSSIBLE_NO, buttons.possible_no),))
        text = f"{self.texts.safety.possible_question}\n\n{flags}"
        return View(text, tuple(rows), fresh=True)

    def possible_no(self) -> View:
        """ "No, something else": thanks, and the emergency safety net."""
        safety = self.texts.safety
        return View(f"{safety.possible_no_reply}\n\n{safety.safety_net}")

    def listed_items(self, ids: str | None) -> tuple[ChecklistItem, ...]:
        """The checklist items a confirm question listed (its "Yes" button's value); unknown
        ids (a stale or forged button) are left out."""
        wanted = set((ids or "").split(ITEM_SEPARATOR))
        return tuple(item for item in self.texts.onboarding.checklist if item.id in wanted)

    def advice_for_someone_else(self, level: FlagLevel) -> View:
        """Another adult's warning sign now: the advice worded for them, nothing paused."""
        safety = self.texts.safety
        text = (
            safety.text_urgent_other if level is FlagLevel.EMERGENCY else safety.text_doctor_other
        )
        return View(text, fresh=True)

    def not_english(self) -> View:
        """Another language: the warning signs (in the person's language where Limber has it),
        and that Limber reads English only."""
        flags = "\n".join(f"• {item.text}" for item in self.texts.onboarding.checklist)
        return View(f"{self.texts.safety.not_english}\n\n{flags}", fresh=True)

    def where_you_are(
        self, state: SessionState | None, opener: str, out_of_range: bool = False
    ) -> View:
        """Typed words that ask for nothing on screen (hello, thanks, a typo): *opener*, then
        the step the person is on and what they can tap or type there — never the warning signs.
        *out_of_range*: a number was typed for a 0–10 score but is not on the scale."""
        where = self._where(state, out_of_range)
        return View(f"{opener} {where}" if opener else where, fresh=True)

    def _where(self, state: SessionState | None, out_of_range: bool) -> str:
        hints = self.texts.hints
        if state is None or state.finished:
            return hints.text  # no routine open
        exercises = self.track(state).exercises
        if (
            asks_soreness_before(state) or state.phase is Phase.SORENESS_AFTER
        ) and not state.paused:
            return hints.soreness_number if out_of_range else hints.on_soreness
        if state.step >= len(exercises):
            return hints.text
        place = {"number": state.step + 1, "total": len(exercises)}
        title = exercises[state.step].title
        if state.paused:
            return hints.on_paused.format(**place, title=title)
        if state.phase is Phase.EASE_OFF:
            gentler = can_try_gentler(self.track(state), state)
            return hints.on_ease_off if gentler else hints.on_ease_off_no_gentler
        return hints.on_exercise.format(**place, title=title)

    def _bullets(self, level: FlagLevel) -> str:
        return "\n".join(f"• {item.text}" for item in self.texts.onboarding.items_at(level))

    def private_chat_only(self, private_chat_link: str) -> View:
        """The one short answer outside a private chat: a link to the private chat, no data."""
        texts = self.texts.private_chat
        link = Action("", texts.open_private, url=private_chat_link)
        return View(texts.only_private, ((link,),))

    def track_choice(self, current: str) -> View:
        """`/routine`: one button per track; the current default is marked ✓."""
        rows = tuple(
            (
                self._general(
                    GeneralVerb.TRACK_DEFAULT,
                    f"✓ {track.name}" if track.id == current else track.name,
                    track.id,
                ),
            )
            for track in self.tracks
        )
        return View(self.texts.tracks.choose_default, rows)

    def language_choice(self, languages: Sequence[tuple[str, str]], current: str) -> View:
        """`/language`: one button per language (code, its own name); the current one ✓."""
        rows = tuple(
            (self._general(GeneralVerb.LANGUAGE, f"✓ {name}" if code == current else name, code),)
            for code, name in languages
        )
        return View(self.texts.languages.choose, rows)

    def language_chosen(self) -> View:
        """In the language just chosen."""
        return View(self.texts.languages.chosen)

    def track_chosen(self, track: Routine, session_open: bool) -> View:
        texts = self.texts.tracks
        lines = [texts.default_set.format(name=track.name)]
        if session_open:
            lines.append(texts.in_progress)
        return View("\n\n".join(lines))

    def welcome_back(self) -> View:
        """A returning user with no session open: a short line and a button to start one."""
        text = self.texts.onboarding.welcome_back.format(minutes=self.routine.minutes)
        button = self._general(GeneralVerb.START_SESSION, self.texts.buttons.start_session)
        return View(text, ((button,),))

    # --- reminders --------------------------------------------------------------------------

    def reminder_time_question(self, lead: str | None = None) -> View:
        reminders = self.texts.reminders
        times = tuple(
            self._general(GeneralVerb.REMINDER_TIME, choice, choice.replace(":", ""))
            for choice in reminders.time_choices
        )
        rows = (
            times,
            (self._general(GeneralVerb.REMINDER_OTHER_TIME, reminders.other_time),),
            (self._general(GeneralVerb.REMINDER_OFF, reminders.no_reminders),),
        )
        text = reminders.ask_time if lead is None else f"{lead}\n\n{reminders.ask_time}"
        return View(text, rows)

    def reminder_type_time(self, *, retry: bool = False) -> View:
        reminders = self.texts.reminders
        return View(reminders.bad_time if retry else reminders.type_time)

    def reminder_zone_question(self, current: str | None = None, *, retry: bool = False) -> View:
        """ "Which time zone?": the language's main zones by their cities' names in it (a tap
        sends the name, read back by `local_time.zone_for_city`), the zone already set first."""
        reminders = self.texts.reminders
        zones = [zone for zone in reminders.zone_choices if zone != current]
        labels = [self.zone_name(zone) for zone in zones]
        rows: tuple[tuple[str, ...], ...] = tuple(
            tuple(labels[index : index + 2]) for index in range(0, len(labels), 2)
        )
        if current is not None:
            rows = ((self.zone_name(current),), *rows)
        keyboard = ReplyKeyboard(rows=rows, location_label=reminders.share_location)
        return View(reminders.bad_zone if retry else reminders.ask_zone, reply_keyboard=keyboard)

    def _spoken_list(self, items: tuple[str, ...]) -> str:
        """The stop signs in one sentence, with the language's comma (the content words the last
        one: "or …")."""
        return list_separator(self.texts.language).join(items)

    def zone_name(self, zone: str) -> str:
        """A zone by its city, as the person's language names it ("Europe/Moscow" → Москва)."""
        return zone_city(zone, self.texts.language)

    def reminder_confirmed(
        self, local_time: time, zone: str, next_local: datetime, today: date
    ) -> View:
        """ "Every day at 08:00, Europe/Berlin — next: tomorrow 08:00", with Change / Turn off."""
        reminders = self.texts.reminders
        clock = f"{next_local:%H:%M}"
        if next_local.date() == today:
            when = reminders.next_today.format(time=clock)
        elif next_local.date() == today + timedelta(days=1):
            when = reminders.next_tomorrow.format(time=clock)
        else:
            when = reminders.next_date.format(date=f"{next_local:%Y-%m-%d}", time=clock)
        text = reminders.confirmed.format(
            time=f"{local_time:%H:%M}", zone=self.zone_name(zone), next=when
        )
        rows = (
            (
                self._general(GeneralVerb.REMINDER_CHANGE, reminders.change),
                self._general(GeneralVerb.REMINDER_OFF, reminders.turn_off),
            ),
        )
        return View(text, rows)

    def reminders_off(self) -> View:
        return View(self.texts.reminders.turned_off)

    def nudge(self, user_id: int, local_day: date) -> View:
        """The daily nudge: a kind line (varied from day to day) and Start / Snooze / Skip."""
        nudges = self.texts.nudges
        template = nudges.messages[(user_id + local_day.toordinal()) % len(nudges.messages)]
        # Its number in the language's own digits here ("۱۲ دقیقه"), as every channel shows
        # it (the Telegram sender's renderer would write them so too).
        message = digits(template.format(minutes=self.routine.minutes), self.texts.language)
        rows = (
            (self._general(GeneralVerb.NUDGE_START, nudges.start),),
            (
                self._general(GeneralVerb.NUDGE_SNOOZE, nudges.snooze),
                self._general(GeneralVerb.NUDGE_SKIP_TODAY, nudges.skip_today),
            ),
        )
        return View(message, rows)

    def nudge_snoozed(self, local_time: datetime) -> View:
        return View(self.texts.nudges.snoozed.format(time=f"{local_time:%H:%M}"))

    def nudge_skipped(self) -> View:
        return View(self.texts.nudges.skipped)

    # --- the session ------------------------------------------------------------------------

    def current(
        self,
        state: SessionState,
        doses: Mapping[str, PersonalDose] | None = None,
        *,
        outcomes: Mapping[Outcome, int] | None = None,
        lead: str | None = None,
    ) -> View:
        """The screen for where the session stands now; *lead* is a line put above it."""
        view = self._screen(state, doses or {}, outcomes or {})
        if not lead:
            return view
        media = view.media
        if media is not None:
            media = replace(media, caption=_fit(f"{lead}\n\n{media.caption}"))
        return replace(view, text=f"{lead}\n\n{view.text}", media=media)

    def timer(
        self,
        state: SessionState,
        seconds_left: int,
        doses: Mapping[str, PersonalDose] | None = None,
    ) -> View:
        """The exercise screen with the hold counting down (0: time is up)."""
        view = self._exercise(state, doses or {})
        return View(f"{view.text}\n\n{self.timer_line(seconds_left)}", view.rows)

    def set_timer(
        self, state: SessionState, line: str, doses: Mapping[str, PersonalDose] | None = None
    ) -> View:
        """The exercise screen with the set timer's *line* (rep k of n, hold, rest, other side)
        under the text and under the animation's short caption."""
        view = self._exercise(state, doses or {})
        media = view.media
        if media is not None:
            media = replace(media, caption=_fit(f"{media.caption}\n\n{line}"))
        return replace(view, text=f"{view.text}\n\n{line}", media=media, timer=None)

    def more(self, state: SessionState, doses: Mapping[str, PersonalDose] | None = None) -> View:
        """📖 More: the whole exercise text (every cue, every stop sign) with a Back button."""
        view = self._exercise(state, doses or {})
        back = self._session(state, SessionVerb.BACK, self.texts.media.back)
        media = view.media
        if media is not None:
            media = replace(media, caption=_fit(view.text))
        return View(view.text, ((back,),), media=media)

    def set_line(self, moment: SetMoment) -> str:
        """One line of the set timer: the rep, the side, the move or the named hold."""
        media = self.texts.media
        rep, reps = moment.rep, moment.reps
        side = media.timer_side.format(side=moment.side) if moment.side else ""
        match moment.kind:
            case MomentKind.READY:
                return media.timer_ready.format(rep=rep, reps=reps, side=side)
            case MomentKind.MOVE:
                return media.timer_move.format(rep=rep, reps=reps, side=side, move=moment.label)
            case MomentKind.HOLD:
                return media.timer_hold.format(
                    rep=rep, reps=reps, side=side, hold=moment.label, seconds=moment.seconds_left
                )
            case MomentKind.SWITCH:
                return media.timer_switch.format(side=moment.side or "")
            case MomentKind.REST:
                return media.timer_rest.format(done=rep, reps=reps)
        return media.timer_done

    def timer_line(self, seconds_left: int) -> str:
        session = self.texts.session
        if seconds_left > 0:
            return session.timer_running.format(seconds=seconds_left)
        return session.timer_done

    def resume_lead(self, state: SessionState) -> str:
        session = self.texts.session
        if asks_soreness_before(state):
            return session.resume_soreness
        if state.phase is Phase.SORENESS_AFTER:
            return session.resume_soreness_after
        exercise = self.track(state).exercises[state.step]
        return session.resume_prompt.format(
            number=state.step + 1, total=len(self.track(state).exercises), title=exercise.title
        )

    def dose_for(self, state: SessionState, doses: Mapping[str, PersonalDose]) -> Dose:
        exercise = self.track(state).exercises[state.step]
        if state.gentler and exercise.gentler is not None:
            return exercise.gentler.dose
        return dose_of(exercise, doses)

    def _screen(
        self,
        state: SessionState,
        doses: Mapping[str, PersonalDose],
        outcomes: Mapping[Outcome, int],
    ) -> View:
        if state.paused:
            return self._paused(state)
        match state.phase:
            case Phase.CHOOSE_TRACK:
                return self._floor_question(state)
            case Phase.SORENESS_BEFORE:
                return self._soreness_before(state)
            case Phase.EXERCISE:
                return self._exercise(state, doses)
            case Phase.EASE_OFF:
                return self._ease_off(state)
            case Phase.SORENESS_AFTER:
                return self._soreness(state, self.texts.session.soreness_after)
            case Phase.FINISHED:
                return self._summary(state, outcomes)

    def _heading(self, state: SessionState) -> str:
        exercise = self.track(state).exercises[state.step]
        template = (
            self.texts.session.gentler_heading
            if state.gentler
            else self.texts.session.exercise_heading
        )
        return template.format(
            number=state.step + 1, total=len(self.track(state).exercises), title=exercise.title
        )

    def _exercise(self, state: SessionState, doses: Mapping[str, PersonalDose]) -> View:
        exercise = self.track(state).exercises[state.step]
        session = self.texts.session
        dose = self.dose_for(state, doses)
        cues = exercise.gentler.cues if state.gentler and exercise.gentler else exercise.cues
        blocks = [self._heading(state)]
        if state.gentler and exercise.gentler is not None:
            blocks.append(exercise.gentler.title)
        else:
            blocks.append(session.start_position.format(start=exercise.start))
        blocks.append("\n".join(f"• {cue}" for cue in cues))
        blocks.append(self._dose_line(dose, exercise, state.gentler))
        if exercise.optional and not state.gentler:
            blocks.append(session.optional)
        if state.step == 0 and not state.gentler:
            blocks.append(" ".join(self.track(state).safety_lines))
        blocks.append(session.stop_if.format(signs=self._spoken_list(self.track(state).stop_if)))

        buttons = self.texts.buttons
        media_texts = self.texts.media
        done = self._session(state, SessionVerb.DONE, buttons.done)
        painful = self._session(state, SessionVerb.TOO_PAINFUL, buttons.too_painful)
        skip = self._session(state, SessionVerb.SKIP, buttons.skip)
        pause = self._session(state, SessionVerb.PAUSE, buttons.pause)
        more = self._session(state, SessionVerb.MORE, media_texts.more)
        guide = self._session(state, SessionVerb.GUIDE, media_texts.guide)
        looks: tuple[Action, ...] = (more, guide)
        typed = [
            (Intent.DONE, done),
            (Intent.NEXT, done),
            (Intent.TOO_PAINFUL, painful),
            (Intent.SKIP, skip),
            (Intent.PAUSE, pause),
            (Intent.STOP_TODAY, pause),  # no stop button here: a pause keeps the step
            (Intent.MORE, more),
            (Intent.GUIDE, guide),
        ]
        if can_try_gentler(self.track(state), state):
            gentler = self._session(state, SessionVerb.GENTLER, buttons.gentler_now)
            looks = (gentler, *looks)
            typed.append((Intent.GENTLER, gentler))
        rows: list[tuple[Action, ...]] = [(done, painful), (skip, pause), looks]
        timer = None
        if dose.hold_seconds >= self.track(state).timer_min_hold_seconds:
            label = buttons.timer.format(seconds=dose.hold_seconds)
            rows.append((self._session(state, SessionVerb.TIMER, label),))
            timer = Timer(state.session_id, state.step, dose.hold_seconds)
        media = Media(
            "animation",
            exercise.key,
            "gentler" if state.gentler and exercise.gentler is not None else "regular",
            "left" if dose.per_side else None,
            caption=self._caption(state, dose, cues),
        )
        return View("\n\n".join(blocks), tuple(rows), timer=timer, media=media, typed=_typed(typed))

    def _caption(self, state: SessionState, dose: Dose, cues: tuple[str, ...]) -> str:
        """The short caption under the animation: title, dose, the first cues, one stop line."""
        exercise = self.track(state).exercises[state.step]
        blocks = [self._heading(state)]
        if state.gentler and exercise.gentler is not None:
            blocks.append(exercise.gentler.title)
        blocks.append(self._dose_line(dose, exercise, state.gentler))
        blocks.append("\n".join(f"• {cue}" for cue in cues[:CAPTION_CUES]))
        signs = self._spoken_list(self.track(state).stop_if)
        blocks.append(self.texts.media.stop_line.format(signs=signs))
        return _fit("\n\n".join(blocks))

    def _dose_line(self, dose: Dose, exercise: Exercise, gentler: bool) -> str:
        return dose_text(self.texts.session, dose)

    def _ease_off(self, state: SessionState) -> View:
        buttons = self.texts.buttons
        session = self.texts.session
        rows: list[tuple[Action, ...]] = []
        skip = self._session(state, SessionVerb.SKIP_AFTER_PAIN, buttons.skip_this)
        stop = self._session(state, SessionVerb.STOP_TODAY, buttons.stop_today)
        typed = [(Intent.SKIP, skip), (Intent.NEXT, skip), (Intent.STOP_TODAY, stop)]
        if can_try_gentler(self.track(state), state):
            text = session.ease_off
            gentler = self._session(state, SessionVerb.TRY_GENTLER, buttons.gentler)
            rows.append((gentler,))
            typed += [(Intent.GENTLER, gentler), (Intent.DONE, gentler)]
        else:
            text = session.ease_off_no_gentler
        rows.append((skip,))
        rows.append((stop,))
        return View(f"{self._heading(state)}\n\n{text}", tuple(rows), typed=_typed(typed))

    def _paused(self, state: SessionState) -> View:
        if state.phase in (Phase.EXERCISE, Phase.EASE_OFF):
            exercise = self.track(state).exercises[state.step]
            text = self.texts.session.paused.format(
                number=state.step + 1, total=len(self.track(state).exercises), title=exercise.title
            )
        else:
            text = self.resume_lead(state)
        resume = self._session(state, SessionVerb.RESUME, self.texts.buttons.resume)
        typed = [
            (intent, resume) for intent in (Intent.RESUME, Intent.NEXT, Intent.DONE, Intent.YES)
        ]
        return View(text, ((resume,),), typed=_typed(typed))

    def _floor_question(self, state: SessionState) -> View:
        """Before the first routine, beside the soreness question: can the person get down to
        the floor? A score means yes (most people: no extra tap); "not today" and "no" move the
        session to the track without the floor ("no" from now on)."""
        texts, floor_free = self.texts.tracks, self.tracks.floor_free()
        view = self._soreness(state, self.texts.session.soreness_before)
        if floor_free is None:
            return view
        other = self.tracks.place(floor_free)
        not_today = self._session(state, SessionVerb.TRACK_TODAY, texts.floor_not_today, other)
        no = self._session(state, SessionVerb.TRACK, texts.floor_no, other)
        text = f"{texts.floor_question}\n\n{view.text}"
        return replace(view, text=text, rows=(*view.rows, (not_today, no)))

    def _soreness_before(self, state: SessionState) -> View:
        """How sore before starting; on a floor track, "🪑 No floor today" (before any exercise)."""
        track, texts = self.track(state), self.texts.tracks
        view = self._soreness(state, self.texts.session.soreness_before)
        if track is not self.tracks.default:
            view = replace(view, text=f"{texts.today.format(name=track.name)}\n\n{view.text}")
        floor_free = self.tracks.floor_free()
        if not track.needs_floor or floor_free is None:
            return view
        place = self.tracks.place(floor_free)
        switch = self._session(state, SessionVerb.TRACK_TODAY, texts.no_floor_today, place)
        return replace(view, rows=(*view.rows, (switch,)))

    def _soreness(self, state: SessionState, question: str) -> View:
        rows = tuple(
            tuple(
                Action(
                    session_action(SessionVerb.SORENESS, state.session_id, state.step, score),
                    str(score),
                )
                for score in row
            )
            for row in SORENESS_ROWS
        )
        return View(f"{question}\n{self.texts.session.soreness_scale}", rows)

    def _summary(self, state: SessionState, outcomes: Mapping[Outcome, int]) -> View:
        summary = self.texts.summary
        before, after = state.soreness_before, state.soreness_after
        rise = None if before is None or after is None else after - before
        flare_up = rise is not None and rise >= self.routine.rules.flare_up_rise
        if state.stopped_early:
            blocks = [summary.stopped]
        else:
            blocks = [summary.completed_sore if flare_up else summary.completed]
        painful_gentler = outcomes.get(Outcome.PAINFUL_GENTLER, 0)
        blocks.append(
            summary.exercises.format(
                done=outcomes.get(Outcome.DONE, 0),
                # "Too painful, then the gentler option" counts in both: it hurt, and it was done.
                gentler=outcomes.get(Outcome.GENTLER_DONE, 0) + painful_gentler,
                painful=outcomes.get(Outcome.TOO_PAINFUL, 0) + painful_gentler,
                skipped=outcomes.get(Outcome.SKIPPED, 0),
            )
        )
        if before is not None and after is not None:
            blocks.append(summary.soreness.format(before=before, after=after))
            if after < before:
                blocks.append(summary.better)
            elif after == before:
                blocks.append(summary.same)
            elif flare_up:
                blocks.append(summary.much_worse)
            else:
                blocks.append(summary.worse)
        blocks.append(summary.next)
        return View("\n\n".join(blocks), finished=True)

    def _session(
        self, state: SessionState, verb: SessionVerb, label: str, value: int | None = None
    ) -> Action:
        return Action(session_action(verb, state.session_id, state.step, value), label)

    @staticmethod
    def _general(verb: GeneralVerb, label: str, value: str | None = None) -> Action:
        return Action(general_action(verb, value), label)


def _typed(pairs: list[tuple[Intent, Action]]) -> tuple[tuple[str, str], ...]:
    return tuple((intent.value, action.data) for intent, action in pairs)


def dose_text(session: SessionTexts, dose: Dose) -> str:
    """ "10 reps · hold about 5 s"."""
    if dose.per_side:
        template = session.dose_reps_per_side
    else:
        template = session.dose_rep_one if dose.reps == 1 else session.dose_reps
    parts = [template.format(reps=dose.reps)]
    if dose.hold_seconds:
        parts.append(session.dose_hold.format(seconds=dose.hold_seconds))
    return " · ".join(parts)


def _fit(caption: str) -> str:
    """A caption within Telegram's limit (the content keeps them far shorter; this is a guard)."""
    if len(caption) <= MAX_CAPTION_LENGTH:
        return caption
    return caption[: MAX_CAPTION_LENGTH - 1].rstrip() + "…"
