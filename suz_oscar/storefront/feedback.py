"""The customer's side of feedback: the survey by its signed one-use link, a public review after a good score,
and a complaint from the order's page. A link that is forged, expired, replaced or used gives a clear page that
reveals nothing of the order, and changes nothing."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.core.loading import get_model

from suz_oscar.checkout.links import order_status_path
from suz_oscar.feedback import links, selectors, services
from suz_oscar.feedback.exceptions import FeedbackError
from suz_oscar.feedback.vocabulary import MAX_TEXT, QuestionKind

from .orders import customer_dispatch

Order = get_model("order", "Order")
Dispatch = get_model("suz_dispatch", "Dispatch")

TEXT_ERRORS = {"max_length": _("At most 2,000 characters.")}
PROBLEMS = {
    links.LinkProblem.FORGED: (_("This link does not work"),
                               _("Check that the whole link from the message was copied.")),
    links.LinkProblem.EXPIRED: (_("This survey has expired"),
                                _("The link was valid for a limited time. Thank you all the same!")),
    links.LinkProblem.REPLACED: (_("This link has been replaced"),
                                 _("We sent you a newer link to the same survey: use the latest message.")),
    links.LinkProblem.USED: (_("You have answered this survey already"), _("Thank you for your answers!")),
}


def link_problem(request, problem):
    title, text = PROBLEMS[problem]
    return render(request, "suz/feedback/link_problem.html", {"title": title, "text": text}, status=410
                  if problem != links.LinkProblem.FORGED else 404)


class SurveyForm(forms.Form):
    """One field per question; every question may be skipped, but not all of them."""

    complaint = forms.CharField(label=_("Something went wrong? Write a complaint: the manufacturer reads every one."),
                                required=False, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 3}),
                                error_messages=TEXT_ERRORS)

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = {}
        for question in questions:
            name = f"q{question.pk}"
            if question.kind == QuestionKind.SCORE:
                field = forms.TypedChoiceField(choices=[(str(i), str(i)) for i in range(1, 6)], coerce=int,
                                               widget=forms.RadioSelect, required=False,
                                               error_messages={"invalid_choice": _("Choose a score from 1 to 5.")})
            elif question.kind == QuestionKind.YES_NO:
                field = forms.TypedChoiceField(choices=[("yes", _("yes")), ("no", _("no"))], required=False,
                                               coerce=lambda v: v == "yes", widget=forms.RadioSelect,
                                               error_messages={"invalid_choice": _("Answer yes or no.")})
            else:
                field = forms.CharField(required=False, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 3}),
                                        error_messages=TEXT_ERRORS)
            field.label, field.kind = question.text, question.kind
            self.fields[name] = field
            self.questions[name] = question
        self.order_fields(list(self.questions) + ["complaint"])

    def answers(self):
        return {q: self.cleaned_data[name] for name, q in self.questions.items()
                if self.cleaned_data.get(name) not in (None, "")}

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.answers() and not (cleaned.get("complaint") or "").strip():
            raise forms.ValidationError(_("Answer at least one question."))
        return cleaned


class ReviewForm(forms.Form):
    text = forms.CharField(label=_("Your review"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages={"required": _("Write your review."), **TEXT_ERRORS})
    author_name = forms.CharField(label=_("Your name as it appears with the review"), max_length=80, required=False)


class SurveyView(generic.View):
    template_name = "suz/feedback/survey.html"

    def live_survey(self, token):
        return links.survey_from_token(token)

    def get(self, request, token):
        survey, problem = self.live_survey(token)
        if problem:
            return link_problem(request, problem)
        form = SurveyForm(questions=selectors.questions_for(survey.sold))
        return render(request, self.template_name, {"survey": survey, "form": form})

    def post(self, request, token):
        survey, problem = self.live_survey(token)
        if problem:
            return link_problem(request, problem)
        form = SurveyForm(request.POST, questions=selectors.questions_for(survey.sold))
        if form.is_valid():
            try:
                survey = services.survey_answer(survey=survey, answers=form.answers(),
                                                complaint=form.cleaned_data["complaint"])
            except FeedbackError as exc:
                form.add_error(None, str(exc))
            else:
                return render(request, "suz/feedback/survey_thanks.html", {
                    "survey": survey, "token": token, "complained": bool(form.cleaned_data["complaint"].strip()),
                    "review_form": ReviewForm() if services.review_invited(survey) else None})
        return render(request, self.template_name, {"survey": survey, "form": form}, status=400)


class ReviewView(generic.View):
    """The public review the thank-you page asks for after a good score: by the same link, once."""

    def post(self, request, token):
        survey, problem = links.survey_from_token(token)
        if problem not in (links.LinkProblem.USED,) or not services.review_invited(survey):
            return link_problem(request, problem or links.LinkProblem.USED)
        form = ReviewForm(request.POST)
        if form.is_valid():
            try:
                services.review_write(survey=survey, text=form.cleaned_data["text"],
                                      author_name=form.cleaned_data["author_name"])
            except FeedbackError as exc:
                form.add_error(None, str(exc))
            else:
                return render(request, "suz/feedback/survey_thanks.html", {"survey": survey, "reviewed": True})
        return render(request, "suz/feedback/survey_thanks.html",
                      {"survey": survey, "token": token, "review_form": form}, status=400)


class ComplaintForm(forms.Form):
    text = forms.CharField(label=_("What went wrong?"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 5}),
                           error_messages={"required": _("Write what went wrong."), **TEXT_ERRORS})


class ComplaintView(generic.View):
    """«Пожаловаться» from the order's page: a guest by the signed link, a registered customer as the order's
    owner. Another order, a forged link: 404."""

    template_name = "suz/feedback/complaint_form.html"

    def get_order(self):
        dispatch = customer_dispatch(self.request, self.kwargs["number"], self.kwargs["hash"])
        return dispatch.order, dispatch

    def get(self, request, *args, **kwargs):
        order, _dispatch = self.get_order()
        return render(request, self.template_name, {"order": order, "form": ComplaintForm(),
                                                    "back": order_status_path(order)})

    def post(self, request, *args, **kwargs):
        order, dispatch = self.get_order()
        form = ComplaintForm(request.POST)
        if form.is_valid():
            try:
                services.complaint_file(dispatch=dispatch, text=form.cleaned_data["text"], author=request.user)
            except FeedbackError as exc:
                form.add_error("text", str(exc))
            else:
                messages.success(request, _("Your complaint is sent to the dealer and the manufacturer. The answer "
                                            "will appear on this page."))
                return redirect(order_status_path(order))
        return render(request, self.template_name, {"order": order, "form": form, "back": order_status_path(order)},
                      status=400)
