"""The page a manager invitation's link opens (outside the dashboard: the invitee has no access yet)."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic

from . import selectors, services
from .exceptions import InvitationError
from .forms import InvitationSignupForm

# HTTP status of each problem page: an unknown token is not found, a used-up one is gone,
# an account that may not accept is refused.
PROBLEM_STATUS = {"invalid": 404, "expired": 410, "revoked": 410, "accepted": 410}


class InvitationView(generic.TemplateView):
    """Accept an invitation: a new address sets a password; an existing account logs in and confirms.

    The page names the dealer only once the token is known to be valid; it never says
    whether the address has an account to anyone but the holder of the link.
    """

    template_name = "suz/dealers/invitation.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.invitation = selectors.invitation_by_token(kwargs["token"])

    def get(self, request, *args, **kwargs):
        return self.page()

    def post(self, request, *args, **kwargs):
        invitation, user = self.invitation, request.user
        problem = services.invitation_problem(invitation=invitation, user=user)
        if problem is not None:
            return self.page(problem=problem)
        try:
            if user.is_authenticated:
                services.invitation_accept(invitation=invitation, user=user)
            else:
                if self.account_exists():
                    return self.page()
                form = InvitationSignupForm(request.POST, email=invitation.email)
                if not form.is_valid():
                    return self.page(form=form)
                user = services.invitation_accept_new_user(invitation=invitation,
                                                           password=form.cleaned_data["password1"])
                login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
        except InvitationError as exc:
            return self.page(problem=exc.code)
        messages.success(request, _("You are now a manager of “%(dealer)s”.") % {"dealer": invitation.dealer.name})
        return redirect("dashboard:index")

    def account_exists(self):
        return services.User.objects.filter(email__iexact=self.invitation.email).exists()

    def page(self, problem=None, form=None):
        user = self.request.user
        problem = problem or services.invitation_problem(invitation=self.invitation, user=user)
        ctx = {"problem": problem}
        status = 200
        if problem is not None:
            ctx["problem_title"], ctx["problem_text"] = services.INVITATION_PROBLEMS[problem]
            status = PROBLEM_STATUS.get(problem, 403)
            ctx["show_dealer"] = problem in ("staff", "other_dealer")
        elif user.is_authenticated:
            ctx["mode"] = "confirm"
        elif self.account_exists():
            ctx["mode"] = "login"
            ctx["login_url"] = f"{reverse('customer:login')}?{urlencode({'next': self.request.path}, safe='/')}"
        else:
            ctx["mode"] = "signup"
            ctx["form"] = form or InvitationSignupForm(email=self.invitation.email)
        if problem is None or ctx.get("show_dealer"):
            ctx["invitation"] = self.invitation
        return self.render_to_response(self.get_context_data(**ctx), status=status)
