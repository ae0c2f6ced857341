import numpy as np
import pytest

from dlko.models import build_mnist_cnn, check_mnist_images, train_mnist_cnn


def test_mnist_cnn_has_the_shapes_and_parameters_of_chapter_14():
    model = build_mnist_cnn()
    assert tuple(model.output_shape[1:]) == (10,)
    assert tuple(model.get_layer("pool2").output.shape[1:]) == (4, 4, 64)
    # (5·5·1+1)·32 + (5·5·32+1)·64 + (1024+1)·128 + (128+1)·10
    assert model.count_params() == 832 + 51_264 + 131_200 + 1_290 == 184_586


def test_mnist_cnn_rejects_bad_settings_in_korean():
    with pytest.raises(ValueError, match="양의 정수 두 개"):
        build_mnist_cnn(conv_filters=(32,))
    with pytest.raises(ValueError, match="dropout_rate"):
        build_mnist_cnn(dropout_rate=1.0)


def test_check_mnist_images_adds_channel_and_keeps_values():
    images = np.random.default_rng(0).uniform(size=(3, 28, 28))
    checked = check_mnist_images(images)
    assert checked.shape == (3, 28, 28, 1) and checked.dtype == np.float32
    np.testing.assert_allclose(checked[..., 0], images, rtol=1e-6)


@pytest.mark.parametrize(
    ("images", "error", "message"),
    [
        (np.zeros((2, 32, 32, 1)), ValueError, "모양"),
        (np.zeros((28, 28)), ValueError, "모양"),
        (np.full((1, 28, 28), 255.0), ValueError, "255로 나눠"),
        (np.full((1, 28, 28), "a"), TypeError, "숫자 배열"),
    ],
)
def test_check_mnist_images_explains_bad_input_in_korean(images, error, message):
    with pytest.raises(error, match=message):
        check_mnist_images(images)


def test_train_mnist_cnn_checks_its_arguments_before_training():
    model = build_mnist_cnn()
    x = np.zeros((4, 28, 28, 1), dtype="float32")
    with pytest.raises(ValueError, match="레이블 수"):
        train_mnist_cnn(model, x, np.zeros(3), validation_data=(x, np.zeros(4)))
    with pytest.raises(ValueError, match="epochs"):
        train_mnist_cnn(model, x, np.zeros(4), validation_data=(x, np.zeros(4)), epochs=0)


def test_train_mnist_cnn_runs_one_small_epoch():
    rng = np.random.default_rng(0)
    x = rng.uniform(size=(64, 28, 28, 1)).astype("float32")
    y = rng.integers(0, 10, size=64)
    history = train_mnist_cnn(build_mnist_cnn(), x, y, validation_data=(x[:16], y[:16]), epochs=1)
    assert set(history.history) >= {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert np.isfinite(history.history["loss"][0])
