"""Screens for initiatives and subsidies, one module per screen or group of screens:

- `lijst`: the list of initiatives with its warnings, and its CSV export;
- `registratie`: registering an initiative and editing it;
- `pagina`: the initiative's page and what is posted from it (status, application, decision,
  accountability);
- `regelingen`: the coordinator's screens for the subsidy schemes;
- `cijfers`: the figures per area for a year;
- `toegang`: who may see and change an initiative, shared by the screens above.
"""
