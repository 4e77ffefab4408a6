"""A stand-in for the seed's Titanic model: the emulator only checks that the file exists."""


def predict_dict(x):
    return 1.0 if x.get("Sex") == "female" else 0.0
