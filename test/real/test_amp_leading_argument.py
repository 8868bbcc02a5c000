"""The torch.cuda.amp → torch.amp quick fix (Replacement.leadingArgument) keeps behaviour in the installed torch.

Runs the fixture before and after the fix the extension makes (test/fixtures/python/rename/amp_calls*.py) and
compares every autocast region and GradScaler it builds: device, dtype, enabled and cache flags, scaler settings.
"""
import pathlib
import warnings

import torch

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "python" / "rename"


def run(name):
    namespace = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the deprecated APIs warn; CUDA-less machines warn about disabled autocast
        exec(compile((FIXTURES / name).read_text(), name, "exec"), namespace)
    return namespace


def state(value):
    if isinstance(value, torch.amp.autocast):
        return ("autocast", value.device, value.fast_dtype, value._enabled, value._cache_enabled)
    if isinstance(value, torch.amp.GradScaler):
        # Without CUDA a scaler disables itself and keeps only device and enabled; with CUDA the settings count too.
        settings = ("_init_scale", "_growth_factor", "_backoff_factor", "_growth_interval")
        return ("GradScaler", value._device, value._enabled) + tuple(getattr(value, s, None) for s in settings)
    return None


def test_fixed_calls_build_the_same_objects():
    before, after = run("amp_calls.py"), run("amp_calls.fixed.py")
    compared = [name for name, value in before.items() if state(value) is not None]
    assert len(compared) >= 7, compared
    for name in compared:
        assert state(after[name]) == state(before[name]), name


def test_the_new_api_takes_the_device_first():
    import inspect

    for api in (torch.amp.autocast, torch.amp.GradScaler):
        first = next(iter(inspect.signature(api).parameters.values()))
        assert first.name in ("device_type", "device") and first.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD, api
